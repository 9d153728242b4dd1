using System.Globalization;

namespace AgentSim.Scenarios.Reading;

/// <summary>An allowed numeric range, with the wording used in problem messages.</summary>
internal sealed record NumberRule(double Min, double Max, bool MinExclusive, string Text)
{
    /// <summary>0 to 1 inclusive.</summary>
    public static NumberRule Probability { get; } = new(0, 1, false, "between 0 and 1");

    /// <summary>Strictly above 0.</summary>
    public static NumberRule Positive { get; } = new(0, double.MaxValue, true, "greater than 0");

    /// <summary>An arrival rate: at least <see cref="RunLimits.MinRatePerSecond"/>.</summary>
    public static NumberRule MinimumRate { get; } =
        new(RunLimits.MinRatePerSecond, double.MaxValue, false, "at least 0.000001 (the lowest rate AgentSim runs: one conversation in about 11.6 simulated days)");

    /// <summary>An epoch length: from <see cref="RunLimits.MinEpochSeconds"/> to <see cref="RunLimits.MaxEpochSeconds"/> seconds.</summary>
    public static NumberRule EpochLength { get; } =
        new(RunLimits.MinEpochSeconds, RunLimits.MaxEpochSeconds, false, "between 0.001 (one millisecond) and 86400 (one day) seconds");

    /// <summary>0 or above.</summary>
    public static NumberRule NonNegative { get; } = new(0, double.MaxValue, false, "0 or more");

    /// <summary>At least <paramref name="min"/>.</summary>
    public static NumberRule AtLeast(double min) => new(min, double.MaxValue, false, $"{Format(min)} or more");

    /// <summary>Between two bounds inclusive.</summary>
    public static NumberRule Between(double min, double max) => new(min, max, false, $"between {Format(min)} and {Format(max)}");

    /// <summary>Invariant formatting for messages.</summary>
    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the value lies in the range.</summary>
    public bool Allows(double value) => (MinExclusive ? value > Min : value >= Min) && value <= Max;
}
