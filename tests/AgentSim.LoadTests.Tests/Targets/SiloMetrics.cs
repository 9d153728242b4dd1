using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentSim.LoadTests.Tests.Targets;

/// <summary>Reads one metric from a silo's Prometheus <c>/metrics</c>, summed over its label sets.</summary>
internal static partial class SiloMetrics
{
    public static async Task<double> SumAsync(Uri baseUri, string name)
    {
        using var http = new HttpClient { BaseAddress = baseUri };
        var text = await http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        return Sample().Matches(text).Where(m => m.Groups["name"].Value == name).Sum(m => double.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Polls until the metric reaches <paramref name="expected"/> or <paramref name="within"/> has passed, and returns its last value.</summary>
    public static async Task<double> AwaitAsync(Uri baseUri, string name, double expected, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        var value = await SumAsync(baseUri, name);
        while (value < expected && DateTime.UtcNow < until)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            value = await SumAsync(baseUri, name);
        }

        return value;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (?<v>[-+0-9.eE]+|NaN)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
