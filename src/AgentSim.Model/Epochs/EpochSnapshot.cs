using AgentSim.Model.Agents;
using AgentSim.Model.Faults;

namespace AgentSim.Model.Epochs;

/// <summary>
/// Shared state in force for one epoch of simulated time. Every turn taken in the epoch reads this snapshot and
/// nothing else that is shared, so results do not depend on scheduling, parallelism or the number of silos.
/// </summary>
public sealed class EpochSnapshot
{
    /// <summary>Epoch number, from 0.</summary>
    public int Epoch { get; init; }

    /// <summary>Start of the epoch, microseconds of simulated time.</summary>
    public long StartMicros { get; init; }

    /// <summary>End of the epoch (exclusive).</summary>
    public long EndMicros { get; init; }

    /// <summary>Per agent: rolled back for this epoch.</summary>
    public required bool[] AgentRolledBack { get; init; }

    /// <summary>Per provider: down (random outage) this epoch.</summary>
    public required bool[] ProviderDown { get; init; }

    /// <summary>Per provider: chance a request is throttled this epoch.</summary>
    public required double[] ProviderThrottle { get; init; }

    /// <summary>Per agent: the queue in front of it this epoch, set by the previous epoch's offered load.</summary>
    public required AgentQueueing[] AgentQueues { get; init; }

    /// <summary>Per provider: how much its latency is stretched this epoch by the previous epoch's utilisation of its quota (1 = not at all).</summary>
    public required double[] ProviderLatencyFactor { get; init; }

    /// <summary>Per provider: the previous epoch's requests over its quota (0 without a quota).</summary>
    public required double[] ProviderUtilisation { get; init; }

    /// <summary>Per guardrail layer: down (random outage) this epoch.</summary>
    public required bool[] GuardrailDown { get; init; }

    /// <summary>The real-time clock's live capacities, or null in virtual time (where capacities act per epoch).</summary>
    public ISharedCapacity? Live { get; init; }

    /// <summary>
    /// The faults in force instead of the world's timeline: on the real-time clock, the timeline plus the faults injected at
    /// run time. Null in virtual time, where the scenario's timeline alone applies, so a run stays reproducible.
    /// </summary>
    public FaultSchedule? Faults { get; init; }

    /// <summary>The same snapshot with <paramref name="faults"/> in force (the arrays are shared, not copied).</summary>
    public EpochSnapshot WithFaults(FaultSchedule? faults) => new()
    {
        Epoch = Epoch,
        StartMicros = StartMicros,
        EndMicros = EndMicros,
        AgentRolledBack = AgentRolledBack,
        ProviderDown = ProviderDown,
        ProviderThrottle = ProviderThrottle,
        AgentQueues = AgentQueues,
        ProviderLatencyFactor = ProviderLatencyFactor,
        ProviderUtilisation = ProviderUtilisation,
        GuardrailDown = GuardrailDown,
        Live = Live,
        Faults = faults,
    };
}
