using YamlDotNet.Core;

namespace AgentSim.Scenarios;

/// <summary>The text of a scenario, the file name its problems are reported against, and where it came from.</summary>
/// <param name="Yaml">The scenario text.</param>
/// <param name="FileName">The name problems are reported against.</param>
/// <param name="Location">The full path of a file, or <c>preset:NAME</c>.</param>
public sealed record ScenarioSource(string Yaml, string FileName, string Location)
{
    private const string Extension = ".yaml";

    /// <summary>Reads an existing file (or directory, which is reported), else the preset of that name; throws <see cref="ScenarioLoadException"/> when neither exists.</summary>
    public static ScenarioSource Resolve(string nameOrPath)
    {
        ArgumentNullException.ThrowIfNull(nameOrPath);
        if (File.Exists(nameOrPath) || Directory.Exists(nameOrPath))
        {
            return new ScenarioSource(ScenarioLoader.ReadText(nameOrPath), nameOrPath, Path.GetFullPath(nameOrPath));
        }

        var yaml = Presets.ResolveText(nameOrPath);
        var name = nameOrPath.EndsWith(Extension, StringComparison.Ordinal) ? nameOrPath[..^Extension.Length] : nameOrPath;
        return new ScenarioSource(yaml, $"presets/{name}{Extension}", $"preset:{name}");
    }

    /// <summary>
    /// This source with <c>arrivals.rate_per_second</c>, <c>time.epoch_seconds</c> and <c>conversations</c> replaced where
    /// given (see <see cref="ScenarioOverrides"/>); unchanged when the text is not valid YAML, so that compiling it reports
    /// the problem with its line.
    /// </summary>
    public ScenarioSource With(double? ratePerSecond, double? epochSeconds, int? conversations = null)
    {
        if (ratePerSecond is null && epochSeconds is null && conversations is null)
        {
            return this;
        }

        try
        {
            return this with { Yaml = ScenarioOverrides.Apply(Yaml, ratePerSecond, epochSeconds, conversations) };
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ScenarioLoadException)
        {
            return this;
        }
    }
}
