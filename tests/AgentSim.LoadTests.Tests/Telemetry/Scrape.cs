using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentSim.LoadTests.Tests.Telemetry;

/// <summary>One sample of a Prometheus text exposition: metric name, labels, value.</summary>
internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>Whether every label of <paramref name="wanted"/> has the value given there.</summary>
    public bool Has(params (string Label, string Value)[] wanted) => wanted.All(w => Labels.TryGetValue(w.Label, out var v) && v == w.Value);
}

/// <summary>Reads a <c>/metrics</c> answer.</summary>
internal static partial class Scrape
{
    public static async Task<IReadOnlyList<Sample>> GetAsync(Uri url, CancellationToken cancellation)
    {
        using var http = new HttpClient();
        return Parse(await http.GetStringAsync(url, cancellation));
    }

    public static IReadOnlyList<Sample> Parse(string text) =>
    [
        .. text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(line =>
        {
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            return new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
        }),
    ];

    /// <summary>The sum of <paramref name="name"/>'s samples having <paramref name="labels"/>.</summary>
    public static double Sum(this IReadOnlyList<Sample> samples, string name, params (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && s.Has(labels)).Sum(s => s.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
