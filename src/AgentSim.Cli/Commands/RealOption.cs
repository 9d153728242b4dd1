using System.CommandLine;
using System.Globalization;

namespace AgentSim.Cli.Commands;

/// <summary>Optional options taking a positive real number (e.g. a rate); bad values become parse errors (exit 2).</summary>
public static class RealOption
{
    /// <summary>An option accepting a finite number greater than zero; null when absent.</summary>
    public static Option<double?> Positive(string name, string description) =>
        new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0)
                {
                    return value;
                }

                result.AddError($"{name} must be a number greater than 0, got '{token}'.");
                return null;
            },
        };
}
