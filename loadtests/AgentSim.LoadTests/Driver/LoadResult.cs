using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Driver;

/// <summary>What a run measured (only arrivals scheduled after the warm-up count).</summary>
/// <param name="Settings">The run.</param>
/// <param name="TargetName">What was loaded.</param>
/// <param name="Scheduled">Arrivals scheduled.</param>
/// <param name="Sent">Requests sent.</param>
/// <param name="Ok">Requests that succeeded.</param>
/// <param name="Errors">Requests that failed, by <see cref="Targets.TargetOutcome.Kind"/> in <see cref="Outcomes"/>.</param>
/// <param name="Dropped">Arrivals dropped at the in-flight cap (<c>dropped_iterations</c>).</param>
/// <param name="Unfinished">Requests still under way when the drain timed out.</param>
/// <param name="MaxInFlightSeen">Most requests under way at once.</param>
/// <param name="Outcomes">Requests by outcome kind (e.g. <c>202</c>, <c>503</c>).</param>
/// <param name="ResponseTime">Latency from the scheduled start (coordinated-omission safe).</param>
/// <param name="ServiceTime">Latency from the actual send.</param>
/// <param name="SendLag">How late the driver sent each request after its scheduled start.</param>
/// <param name="Timeline">One row per measured second.</param>
/// <param name="Distribution">Response and service time at <see cref="PercentilePoint.Reported"/>.</param>
public sealed record LoadResult(
    DriverSettings Settings, string TargetName, long Scheduled, long Sent, long Ok, long Errors, long Dropped, long Unfinished,
    long MaxInFlightSeen, IReadOnlyDictionary<string, long> Outcomes,
    LatencySummary ResponseTime, LatencySummary ServiceTime, LatencySummary SendLag, IReadOnlyList<TimelineRow> Timeline,
    IReadOnlyList<PercentilePoint> Distribution)
{
    /// <summary>Largest p99 send lag, ms, at which a run still counts as keeping its schedule.</summary>
    public const double LagToleranceMs = 50;

    /// <summary>The simulation's own metrics read from the silo during the run, or null when none were read.</summary>
    public SimulationSeries? Simulation { get; init; }

    /// <summary>Measured seconds: the duration, or less when a runtime threshold stopped the run (0 means the whole duration).</summary>
    public double MeasuredSeconds { get; init; }

    /// <summary>Why a runtime threshold stopped the run early, or null when it ran its course.</summary>
    public string? AbortedBy { get; init; }

    /// <summary>The final thresholds, checked on the whole measured run.</summary>
    public IReadOnlyList<ThresholdResult> Thresholds { get; init; } = [];

    /// <summary>Each scenario's iterations and steps.</summary>
    public IReadOnlyList<ScenarioSummary> Scenarios { get; init; } = [];

    /// <summary>Whether every final threshold passed (true when there are none).</summary>
    public bool ThresholdsPassed => Thresholds.All(t => t.Passed);

    /// <summary>Requests sent per measured second.</summary>
    public double AchievedRate => Sent / (MeasuredSeconds > 0 ? MeasuredSeconds : Settings.Duration.TotalSeconds);

    /// <summary>
    /// Whether the driver kept its target: nothing dropped, at least 99% of the scheduled arrivals sent, and 99% of sends
    /// within <see cref="LagToleranceMs"/> of their scheduled start.
    /// </summary>
    public bool KeptTarget => Dropped == 0 && Sent >= 0.99 * Scheduled && SendLag.P99Ms <= LagToleranceMs;

    /// <summary>Why the run did not keep its target, or null when it did.</summary>
    public string? Shortfall => KeptTarget ? null : string.Join("; ", new[]
    {
        Dropped > 0 ? $"{Dropped:N0} arrivals dropped at the in-flight cap of {Settings.MaxInFlight:N0}" : null,
        Sent < 0.99 * Scheduled ? $"sent {Sent:N0} of {Scheduled:N0} scheduled" : null,
        SendLag.P99Ms > LagToleranceMs ? $"sends ran late (p99 {SendLag.P99Ms:N1} ms after their scheduled start)" : null,
    }.Where(s => s is not null));
}
