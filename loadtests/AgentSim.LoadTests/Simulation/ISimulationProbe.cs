namespace AgentSim.LoadTests.Simulation;

/// <summary>
/// Reads the simulation's own metrics during a run. The driver calls <see cref="StartAsync"/> as its run starts,
/// <see cref="SampleAsync"/> as each measured second closes (then reads <see cref="Cumulative"/> for the runtime
/// thresholds) and <see cref="FinishAsync"/> after the drain. None of them throws: a failed scrape is counted.
/// </summary>
public interface ISimulationProbe
{
    /// <summary>What the silo counted since the warm-up ended, as of the last successful scrape, or null when none yet.</summary>
    SimulationCounters? Cumulative { get; }

    /// <summary>Starts a run (forgetting any earlier one): the baseline is scraped now when there is no warm-up, else when it ends.</summary>
    Task StartAsync(TimeSpan warmup, CancellationToken cancellation);

    /// <summary>Scrapes at the end of measured second <paramref name="second"/> (0-based).</summary>
    Task SampleAsync(int second, CancellationToken cancellation);

    /// <summary>Scrapes once more after the run and returns the series.</summary>
    Task<SimulationSeries> FinishAsync(CancellationToken cancellation);
}
