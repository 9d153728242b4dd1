using System.Globalization;

namespace AgentSim.Scenarios.Experiments;

/// <summary>A sweep as <c>--sweep PATH=V1,V2,...</c> gives it: one scenario value and the numbers it takes, in order.</summary>
public sealed record SweepSpec(ScenarioPath Path, IReadOnlyList<double> Values)
{
    /// <summary>Parses <c>PATH=V1,V2,...</c>; null with a reason when it is malformed.</summary>
    public static SweepSpec? TryParse(string text, out string? problem)
    {
        problem = null;
        var at = (text ?? "").IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
        {
            problem = $"--sweep '{text}': expected PATH=V1,V2,... (e.g. providers.omnicx.error_rate=0.001,0.01,0.05)";
            return null;
        }

        var path = ScenarioPath.TryParse(text![..at].Trim(), out problem);
        if (path is null)
        {
            problem = $"--sweep: {problem}";
            return null;
        }

        var values = new List<double>();
        foreach (var token in text[(at + 1)..].Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                problem = $"--sweep {path.Text}: '{token}' is not a number (values are numbers separated by commas)";
                return null;
            }

            values.Add(v);
        }

        if (values.Count < 2)
        {
            problem = $"--sweep {path.Text}: give at least two values to sweep, separated by commas";
            return null;
        }

        if (values.Distinct().Count() != values.Count)
        {
            problem = $"--sweep {path.Text}: a value is given twice";
            return null;
        }

        return new SweepSpec(path, values);
    }

    /// <summary>The value as written into the scenario (shortest round-trip form).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
