using AgentSim.LoadTests.Scenarios;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Driver;

/// <summary>
/// A run: <see cref="Plan"/>'s scenarios and load simulations after <see cref="Warmup"/> (only the time after it is
/// measured); with no plan, one scenario of start steps at <see cref="Rate"/> a second for <see cref="Duration"/>.
/// </summary>
/// <param name="Rate">Target arrivals a second (with a plan: its mean planned rate, for the achieved-rate threshold).</param>
/// <param name="Duration">Measured time (with a plan: its length, or the bound of an iterations-for-constant phase).</param>
/// <param name="Poisson">Poisson arrivals (<c>inject-random</c>) rather than constant spacing (<c>inject</c>).</param>
/// <param name="Seed">Seed of the Poisson arrivals.</param>
/// <param name="MaxInFlight">Most requests under way at once (k6's pre-allocated VUs); an arrival past it is dropped and counted.</param>
/// <param name="Warmup">Time loaded before measuring starts.</param>
/// <param name="DrainTimeout">How long to wait, after the last arrival, for requests still under way; those left are counted as unfinished.</param>
/// <param name="Thresholds">Final thresholds, checked on the whole measured run.</param>
/// <param name="AbortOn">Runtime thresholds, checked once a second on everything measured since the warm-up ended; the first to fail stops the run.</param>
/// <param name="AbortDelay">Measured time before the runtime thresholds are first checked (default 5 s).</param>
public sealed record DriverSettings(
    double Rate,
    TimeSpan Duration,
    bool Poisson = false,
    int Seed = 1,
    int MaxInFlight = 1000,
    TimeSpan Warmup = default,
    TimeSpan? DrainTimeout = null,
    IReadOnlyList<Threshold>? Thresholds = null,
    IReadOnlyList<Threshold>? AbortOn = null,
    TimeSpan? AbortDelay = null)
{
    /// <summary>The scenarios and load simulations run, or null for one scenario of start steps at <see cref="Rate"/>.</summary>
    public LoadPlan? Plan { get; init; }

    /// <summary>The plan run: <see cref="Plan"/>, or the one the rate, duration and arrival kind make.</summary>
    public LoadPlan EffectivePlan => Plan ?? LoadPlan.Single(Rate, Duration, Poisson);

    /// <summary>The load simulations run, in one line.</summary>
    public string Simulation => EffectivePlan.Describe();

    /// <summary>The default <see cref="AbortDelay"/>.</summary>
    public static readonly TimeSpan DefaultAbortDelay = TimeSpan.FromSeconds(5);

    /// <summary>Whole measured seconds (the timeline's rows).</summary>
    public int Seconds => Math.Max(1, (int)Math.Ceiling(Duration.TotalSeconds - 1e-9));
}
