using System.Text.RegularExpressions;

namespace AgentSim.Cli.Tests.Telemetry;

/// <summary>A minimal parser of the Prometheus text exposition format: sample lines only, comments skipped.</summary>
public static partial class PrometheusText
{
    /// <summary>Parses every sample line; throws on a line it cannot read.</summary>
    public static IReadOnlyList<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var match = SampleLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"Not a sample line: {line}");
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in Label().Matches(match.Groups["labels"].Value))
            {
                labels.Add(label.Groups["key"].Value, label.Groups["value"].Value);
            }

            samples.Add(new Sample(match.Groups["name"].Value, labels, match.Groups["value"].Value));
        }

        return samples;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
