using System.Globalization;
using AgentSim.Scenarios.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios;

/// <summary>Rewrites a scenario's YAML text with values given on the command line (comments are not kept).</summary>
public static class ScenarioOverrides
{
    /// <summary>
    /// Returns <paramref name="yaml"/> with <c>arrivals.rate_per_second</c> and <c>time.epoch_seconds</c> replaced by the
    /// values that are not null, and the top-level <c>conversations</c> by <paramref name="conversations"/> when given (a silo,
    /// which runs without end, sets 1 so that the file's count is not checked against the run-length limit); validate the
    /// result with <see cref="ScenarioLoader.LoadText"/>.
    /// </summary>
    public static string Apply(string yaml, double? ratePerSecond = null, double? epochSeconds = null, int? conversations = null)
    {
        if (ratePerSecond is null && epochSeconds is null && conversations is null)
        {
            return yaml;
        }

        var stream = new YamlStream();
        // Depth-limited like the reader: a deeply nested file throws a YamlException here instead of overflowing the stack.
        stream.Load(new DepthLimitedParser(new Parser(new StringReader(yaml))));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScenarioLoadException([new ScenarioProblem("scenario", 0, "scenario", "the scenario is not a YAML mapping")]);
        }

        if (ratePerSecond is { } rate)
        {
            Set(root, "arrivals", "rate_per_second", rate);
        }

        if (epochSeconds is { } epoch)
        {
            Set(root, "time", "epoch_seconds", epoch);
        }

        if (conversations is { } count)
        {
            root.Children[new YamlScalarNode("conversations")] = new YamlScalarNode(count.ToString(CultureInfo.InvariantCulture));
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static void Set(YamlMappingNode root, string section, string key, double value)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(section), out var node) || node is not YamlMappingNode mapping)
        {
            mapping = new YamlMappingNode();
            root.Children[new YamlScalarNode(section)] = mapping;
        }

        mapping.Children[new YamlScalarNode(key)] = new YamlScalarNode(value.ToString("R", CultureInfo.InvariantCulture));
    }
}
