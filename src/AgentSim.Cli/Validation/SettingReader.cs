using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AgentSim.Cli.Validation;

/// <summary>Reads typed values from configuration, collecting a problem (named by flag, or by key and source) for each unreadable or out-of-range one.</summary>
public sealed class SettingReader(IConfiguration configuration, IReadOnlyDictionary<string, string> flags)
{
    /// <summary>The problems found so far.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>How problems name <paramref name="key"/> (see <see cref="SettingSource.Label"/>).</summary>
    public string Label(string key) => SettingSource.Label(configuration, key, flags);

    /// <summary>The text of a key; null when absent or empty.</summary>
    public string? Text(string key) => configuration[key] is { Length: > 0 } text ? text : null;

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/>; null when absent or wrong (then a problem is recorded).</summary>
    public double? Real(string key, double min, double max, string range)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Problems.Add($"{Label(key)}: '{text}' is not a number");
            return null;
        }

        if (value < min || value > max)
        {
            Problems.Add($"{Label(key)}: must be {range}, got {text}");
            return null;
        }

        return value;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; null when absent or wrong (then a problem is recorded).</summary>
    public ulong? Whole(string key, ulong min, ulong max)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Problems.Add(max == ulong.MaxValue
                ? $"{Label(key)}: must be a whole number of at least {min}, got '{text}'"
                : $"{Label(key)}: must be a whole number from {min} to {max}, got '{text}'");
            return null;
        }

        return value;
    }

    /// <summary>A switch: <c>true</c> or <c>false</c> (any case); null when absent or wrong (then a problem is recorded).</summary>
    public bool? Switch(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        Problems.Add($"{Label(key)}: must be true or false, got '{text}'");
        return null;
    }
}
