using AgentSim.Scenarios;

namespace AgentSim.Cli.Running;

/// <summary>The scenario a run uses: its YAML text, the file name used in problem reports, and where it came from.</summary>
/// <param name="Yaml">The scenario text.</param>
/// <param name="FileName">The name problems are reported against.</param>
/// <param name="Location">The full path of a file, or <c>preset:NAME</c>.</param>
public sealed record ScenarioSource(string Yaml, string FileName, string Location)
{
    private const string Extension = ".yaml";

    /// <summary>Reads an existing file, else the preset of that name; throws <see cref="ScenarioLoadException"/> when neither exists.</summary>
    public static ScenarioSource Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath) || Directory.Exists(nameOrPath))
        {
            var problems = ScenarioLoader.Validate(nameOrPath);
            if (problems.Count > 0)
            {
                throw new ScenarioLoadException(problems);
            }

            return new ScenarioSource(File.ReadAllText(nameOrPath), nameOrPath, Path.GetFullPath(nameOrPath));
        }

        var yaml = Presets.ResolveText(nameOrPath);
        var name = nameOrPath.EndsWith(Extension, StringComparison.Ordinal) ? nameOrPath[..^Extension.Length] : nameOrPath;
        return new ScenarioSource(yaml, $"presets/{name}{Extension}", $"preset:{name}");
    }
}
