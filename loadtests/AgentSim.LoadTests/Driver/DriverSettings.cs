using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Driver;

/// <summary>An open-model run: arrivals at <see cref="Rate"/> a second for <see cref="Warmup"/> then <see cref="Duration"/> (only the latter is measured).</summary>
/// <param name="Rate">Target arrivals a second.</param>
/// <param name="Duration">Measured time.</param>
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
    /// <summary>Name of the load simulation, as on the command line.</summary>
    public string Simulation => Poisson ? "inject-random" : "inject";

    /// <summary>The default <see cref="AbortDelay"/>.</summary>
    public static readonly TimeSpan DefaultAbortDelay = TimeSpan.FromSeconds(5);

    /// <summary>Whole measured seconds (the timeline's rows).</summary>
    public int Seconds => Math.Max(1, (int)Math.Ceiling(Duration.TotalSeconds - 1e-9));
}
