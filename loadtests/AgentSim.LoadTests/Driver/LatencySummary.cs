using HdrHistogram;

namespace AgentSim.LoadTests.Driver;

/// <summary>Percentiles of one latency histogram, in milliseconds.</summary>
/// <param name="Count">Values recorded.</param>
/// <param name="MeanMs">Mean.</param>
/// <param name="P50Ms">Median.</param>
/// <param name="P90Ms">90th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="P999Ms">99.9th percentile.</param>
/// <param name="MaxMs">Largest value.</param>
public sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    /// <summary>Summarises a histogram recorded in microseconds.</summary>
    public static LatencySummary From(HistogramBase h) => h.TotalCount == 0
        ? new LatencySummary(0, 0, 0, 0, 0, 0, 0)
        : new LatencySummary(h.TotalCount, h.GetMean() / 1000, Ms(h, 50), Ms(h, 90), Ms(h, 99), Ms(h, 99.9), h.GetMaxValue() / 1000.0);

    /// <summary>One percentile of a histogram recorded in microseconds, in ms (0 when empty).</summary>
    public static double Ms(HistogramBase h, double percentile) => h.TotalCount == 0 ? 0 : h.GetValueAtPercentile(percentile) / 1000.0;
}
