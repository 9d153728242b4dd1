namespace AgentSim.Grains.Live;

/// <summary>Why an arrival was not started.</summary>
public enum ShedReason
{
    /// <summary>The silo had as many conversations in flight as its admission limit allows.</summary>
    Admission,

    /// <summary>The generator fell behind its schedule (the process was paused or starved) and skipped the missed arrivals rather than replay them in a burst.</summary>
    Lag,
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
}
