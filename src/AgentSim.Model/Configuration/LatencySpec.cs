using AgentSim.Model.Randomness;

namespace AgentSim.Model.Configuration;

/// <summary>A log-normal latency distribution given by its median and 99th percentile, in milliseconds.</summary>
public sealed class LatencySpec
{
    /// <summary>Median latency in milliseconds.</summary>
    public double P50Ms { get; set; }

    /// <summary>99th-percentile latency in milliseconds; at least <see cref="P50Ms"/>.</summary>
    public double P99Ms { get; set; }

    /// <summary>Creates a spec.</summary>
    public static LatencySpec Of(double p50Ms, double p99Ms) => new() { P50Ms = p50Ms, P99Ms = p99Ms };

    /// <summary>The log-normal distribution with this median and 99th percentile.</summary>
    public LogNormal ToLogNormal() => new(P50Ms, P99Ms);
}
