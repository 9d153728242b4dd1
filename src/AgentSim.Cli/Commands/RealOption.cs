using System.CommandLine;
using System.Globalization;

namespace AgentSim.Cli.Commands;

/// <summary>Optional options taking a real number in a range (e.g. a rate); bad values become parse errors (exit 2).</summary>
public static class RealOption
{
    /// <summary>An option accepting a finite number from <paramref name="min"/> to <paramref name="max"/>, described as <paramref name="range"/> in its error; null when absent.</summary>
    public static Option<double?> Between(string name, string description, double min, double max, string range) =>
        new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min && value <= max)
                {
                    return value;
                }

                result.AddError($"{name} must be {range}, got '{token}'.");
                return null;
            },
        };
}
