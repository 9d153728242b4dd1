using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace AgentSim.Cli.Commands;

/// <summary>Optional whole-number options whose bad values become parse errors (exit 2) rather than exceptions.</summary>
public static class NumberOption
{
    /// <summary>An option accepting a whole number from <paramref name="min"/> to <paramref name="max"/>; null when absent.</summary>
    public static Option<T?> Create<T>(string name, string description, T min, T max)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        return new Option<T?>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (T.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
                {
                    return value;
                }

                result.AddError(max == T.MaxValue
                    ? $"{name} must be a whole number of at least {min}, got '{token}'."
                    : $"{name} must be a whole number from {min} to {max}, got '{token}'.");
                return null;
            },
        };
    }
}
