using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentSim.LoadTests.Tests.Simulation;

/// <summary>Sums a metric over its label sets in Prometheus text with a regular expression: a reading independent of the driver's parser.</summary>
internal static partial class IndependentMetrics
{
    public static double Sum(string text, string name) =>
        Sample().Matches(text).Where(m => m.Groups["name"].Value == name).Sum(m => double.Parse(m.Groups["v"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (?<v>[-+0-9.eE]+|NaN)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
