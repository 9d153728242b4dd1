namespace AgentSim.LoadTests.Simulation;

/// <summary>
/// The simulation's own counters as the silo exports them on <c>/metrics</c> (each summed over its label sets), or the
/// difference of two scrapes; with the rates the thresholds and reports use. A rate whose denominator is 0 is 0.
/// </summary>
/// <param name="Started">Conversations started (<c>agentsim_conversations_started_total</c>).</param>
/// <param name="Ended">Conversations ended (<c>agentsim_conversations_ended_total</c>).</param>
/// <param name="Abandoned">Conversations abandoned (<c>agentsim_conversations_abandoned_total</c>).</param>
/// <param name="Rollbacks">Agent rollbacks (<c>agentsim_agent_rollbacks_total</c>).</param>
/// <param name="Switches">Channel switches (<c>agentsim_channel_switches_total</c>).</param>
/// <param name="ContextLosses">Context lost on a switch (<c>agentsim_context_losses_total</c>).</param>
/// <param name="QueueAnswered">Customers answered by a human queue (<c>agentsim_queue_answered_total</c>).</param>
/// <param name="QueueAbandoned">Customers who left a human queue (<c>agentsim_queue_abandoned_total</c>).</param>
/// <param name="QueueWaitSeconds">Total wait of answered customers, simulated seconds (<c>agentsim_queue_wait_seconds_sum</c>).</param>
/// <param name="QueueWaits">Answered customers whose wait was recorded (<c>agentsim_queue_wait_seconds_count</c>).</param>
public sealed record SimulationCounters(
    double Started, double Ended, double Abandoned, double Rollbacks, double Switches, double ContextLosses,
    double QueueAnswered, double QueueAbandoned, double QueueWaitSeconds, double QueueWaits)
{
    /// <summary>Nothing counted.</summary>
    public static readonly SimulationCounters Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Agent rollbacks per 1,000 conversations ended (as results.json's <c>rollbacks.per_thousand_conversations</c>).</summary>
    public double RollbackRate => Ended <= 0 ? 0 : 1000.0 * Rollbacks / Ended;

    /// <summary>Context losses as a share of channel switches, %.</summary>
    public double ContextLossPercent => Switches <= 0 ? 0 : 100.0 * ContextLosses / Switches;

    /// <summary>Customers who left a human queue as a share of those who answered or left, %.</summary>
    public double QueueAbandonmentPercent => QueueAnswered + QueueAbandoned <= 0 ? 0 : 100.0 * QueueAbandoned / (QueueAnswered + QueueAbandoned);

    /// <summary>Abandoned conversations as a share of conversations ended, %.</summary>
    public double AbandonmentPercent => Ended <= 0 ? 0 : 100.0 * Abandoned / Ended;

    /// <summary>Mean wait of answered queue customers, simulated seconds.</summary>
    public double MeanQueueWaitSeconds => QueueWaits <= 0 ? 0 : QueueWaitSeconds / QueueWaits;

    /// <summary>Reads the counters from a scrape.</summary>
    public static SimulationCounters From(PrometheusText scrape) => new(
        scrape.Sum("agentsim_conversations_started_total"),
        scrape.Sum("agentsim_conversations_ended_total"),
        scrape.Sum("agentsim_conversations_abandoned_total"),
        scrape.Sum("agentsim_agent_rollbacks_total"),
        scrape.Sum("agentsim_channel_switches_total"),
        scrape.Sum("agentsim_context_losses_total"),
        scrape.Sum("agentsim_queue_answered_total"),
        scrape.Sum("agentsim_queue_abandoned_total"),
        scrape.Sum("agentsim_queue_wait_seconds_sum"),
        scrape.Sum("agentsim_queue_wait_seconds_count"));

    /// <summary>What was counted between <paramref name="before"/> and this (a counter that went back, as after a silo restart, counts 0).</summary>
    public SimulationCounters Since(SimulationCounters before) => new(
        D(Started, before.Started), D(Ended, before.Ended), D(Abandoned, before.Abandoned), D(Rollbacks, before.Rollbacks),
        D(Switches, before.Switches), D(ContextLosses, before.ContextLosses), D(QueueAnswered, before.QueueAnswered),
        D(QueueAbandoned, before.QueueAbandoned), D(QueueWaitSeconds, before.QueueWaitSeconds), D(QueueWaits, before.QueueWaits));

    private static double D(double now, double then) => Math.Max(0, now - then);
}

/// <summary>One measured second of the simulation's own metrics.</summary>
/// <param name="Second">Seconds since measuring began (0-based), as the driver's timeline.</param>
/// <param name="InSecond">What the silo counted in this second (null when this second's scrape failed).</param>
/// <param name="Cumulative">What it counted since the warm-up ended, up to this second's end (null when unavailable).</param>
public sealed record SimulationRow(int Second, SimulationCounters? InSecond, SimulationCounters? Cumulative);

/// <summary>The simulation's own metrics over a run, read from the silo's <c>/metrics</c> once a measured second.</summary>
/// <param name="Url">Where they were scraped.</param>
/// <param name="Rows">One row per measured second.</param>
/// <param name="Totals">What the silo counted from the warm-up's end to the last scrape (after the drain), or null when unavailable.</param>
/// <param name="Scrapes">Scrapes tried.</param>
/// <param name="Failures">Scrapes that failed.</param>
/// <param name="LastError">Why the last failed scrape failed, or null.</param>
public sealed record SimulationSeries(Uri Url, IReadOnlyList<SimulationRow> Rows, SimulationCounters? Totals, int Scrapes, int Failures, string? LastError)
{
    /// <summary>Whether the totals could be measured.</summary>
    public bool Available => Totals is not null;

    /// <summary>A one-line status: how many scrapes succeeded, or "silo metrics unavailable" and why.</summary>
    public string Status => Available
        ? $"{Url}: {Scrapes - Failures} of {Scrapes} scrapes succeeded" + (LastError is null ? "" : $" (last failure: {LastError})")
        : $"silo metrics unavailable: {Failures} of {Scrapes} scrapes of {Url} failed" + (LastError is null ? "" : $" (last: {LastError})");
}
