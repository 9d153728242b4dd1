namespace AgentSim.Grains.Live;

/// <summary>Why an arrival was not started.</summary>
public enum ShedReason
{
    /// <summary>The silo had as many conversations in flight as its admission limit allows.</summary>
    Admission,

    /// <summary>The generator fell behind its schedule (the process was paused or starved) and skipped the missed arrivals rather than replay them in a burst.</summary>
    Lag,
}

/// <summary>What became of a lost silo's conversation a survivor took over.</summary>
public enum RecoveryResult
{
    /// <summary>Resumed on the survivor with its context (or put back in the human queue it waited in).</summary>
    Resumed,

    /// <summary>Ended with the explicit outcome <c>failed</c>.</summary>
    Failed,
}

/// <summary>Why the conversation ledger ignored an outcome write.</summary>
public enum LedgerIgnoredReason
{
    /// <summary>The conversation had an outcome already.</summary>
    Duplicate,

    /// <summary>The writer no longer owned the conversation: a survivor had taken it over (the writer was declared dead).</summary>
    Stale,

    /// <summary>The store could not be reached for about 10 s: the write was given up and the conversation stays in flight in the ledger.</summary>
    Unreachable,
}

/// <summary>What the real-time clock measures about itself, beside the simulation's own events.</summary>
public interface ILiveMetrics
{
    /// <summary>Counts <paramref name="count"/> arrivals not started, and why.</summary>
    void Shed(ShedReason reason, long count);

    /// <summary>Records how late, in wall seconds, a step ran after its scaled simulated time.</summary>
    void Overhead(double wallSeconds);

    /// <summary>Sets how far behind its schedule the arrival generator is, in wall seconds.</summary>
    void Lag(double wallSeconds);

    /// <summary>Sets the admission limit (once; conversations in flight are the simulation's own gauge).</summary>
    void AdmissionLimit(int limit);

    /// <summary>Observes the faults in force (timeline and runtime) through <paramref name="active"/>, read at each collection: kind wire name and scope label.</summary>
    void ObserveFaults(Func<IEnumerable<(string Kind, string Scope)>> active);

    /// <summary>Counts <paramref name="count"/> conversations of a lost silo this silo took over, by what became of them.</summary>
    void Recovered(RecoveryResult result, long count);

    /// <summary>Counts an outcome write the conversation ledger ignored, and why.</summary>
    void LedgerIgnored(LedgerIgnoredReason reason);

    /// <summary>Records how long, in wall seconds, writing a conversation's checkpoint to the ledger took (serializing included).</summary>
    void Checkpoint(double wallSeconds);
}

/// <summary>Measures nothing (no metrics exporter on this host).</summary>
public sealed class NoLiveMetrics : ILiveMetrics
{
    /// <inheritdoc />
    public void Shed(ShedReason reason, long count)
    {
    }

    /// <inheritdoc />
    public void Overhead(double wallSeconds)
    {
    }

    /// <inheritdoc />
    public void Lag(double wallSeconds)
    {
    }

    /// <inheritdoc />
    public void AdmissionLimit(int limit)
    {
    }

    /// <inheritdoc />
    public void ObserveFaults(Func<IEnumerable<(string Kind, string Scope)>> active)
    {
    }

    /// <inheritdoc />
    public void Recovered(RecoveryResult result, long count)
    {
    }

    /// <inheritdoc />
    public void LedgerIgnored(LedgerIgnoredReason reason)
    {
    }

    /// <inheritdoc />
    public void Checkpoint(double wallSeconds)
    {
    }
}
