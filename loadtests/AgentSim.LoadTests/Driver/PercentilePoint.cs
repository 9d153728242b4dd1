namespace AgentSim.LoadTests.Driver;

/// <summary>One point of the latency distribution: a percentile and the response and service times at it, ms.</summary>
/// <param name="Percentile">The percentile, e.g. 99.9.</param>
/// <param name="ResponseMs">Response time (from the scheduled start) at that percentile.</param>
/// <param name="ServiceMs">Service time (from the actual send) at that percentile.</param>
public sealed record PercentilePoint(double Percentile, double ResponseMs, double ServiceMs)
{
    /// <summary>The percentiles reported, HdrHistogram-style: finer towards the tail.</summary>
    public static readonly double[] Reported = [0, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100];
}
