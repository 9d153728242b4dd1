namespace AgentSim.Model.Configuration;

/// <summary>An inclusive numeric range drawn uniformly.</summary>
public sealed class RangeSpec
{
    /// <summary>Lower bound.</summary>
    public double Min { get; set; }

    /// <summary>Upper bound; at least <see cref="Min"/>.</summary>
    public double Max { get; set; }

    /// <summary>Creates a range.</summary>
    public static RangeSpec Of(double min, double max) => new() { Min = min, Max = max };
}
