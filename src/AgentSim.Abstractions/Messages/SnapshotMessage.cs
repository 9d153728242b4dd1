using AgentSim.Model.Agents;
using AgentSim.Model.Epochs;

namespace AgentSim.Abstractions.Messages;

/// <summary>Wire form of an <see cref="EpochSnapshot"/>: the shared state every shard reads for one epoch.</summary>
[GenerateSerializer, Immutable, Alias("AgentSim.SnapshotMessage")]
public sealed record SnapshotMessage(
    [property: Id(0)] int Epoch,
    [property: Id(1)] long StartMicros,
    [property: Id(2)] long EndMicros,
    [property: Id(3)] bool[] AgentRolledBack,
    [property: Id(5)] bool[] ProviderDown,
    [property: Id(6)] double[] ProviderThrottle,
    [property: Id(7)] bool[] GuardrailDown,
    [property: Id(8)] double[] ProviderLatencyFactor,
    [property: Id(9)] double[] ProviderUtilisation,
    [property: Id(10)] double[] AgentWaitProbability,
    [property: Id(11)] double[] AgentMeanWaitSeconds,
    [property: Id(12)] double[] AgentBacklogSeconds,
    [property: Id(13)] double[] AgentBusy,
    [property: Id(14)] double[] AgentUtilisation)
{
    /// <summary>Copies a model snapshot into a message.</summary>
    public static SnapshotMessage From(EpochSnapshot s) =>
        new(
            s.Epoch, s.StartMicros, s.EndMicros, s.AgentRolledBack, s.ProviderDown, s.ProviderThrottle, s.GuardrailDown,
            s.ProviderLatencyFactor, s.ProviderUtilisation,
            [.. s.AgentQueues.Select(q => q.WaitProbability)],
            [.. s.AgentQueues.Select(q => q.MeanWaitSeconds)],
            [.. s.AgentQueues.Select(q => q.BacklogSeconds)],
            [.. s.AgentQueues.Select(q => q.Busy)],
            [.. s.AgentQueues.Select(q => q.Utilisation)]);

    /// <summary>Turns the message back into a model snapshot.</summary>
    public EpochSnapshot ToModel() => new()
    {
        Epoch = Epoch,
        StartMicros = StartMicros,
        EndMicros = EndMicros,
        AgentRolledBack = AgentRolledBack,
        ProviderDown = ProviderDown,
        ProviderThrottle = ProviderThrottle,
        GuardrailDown = GuardrailDown,
        ProviderLatencyFactor = ProviderLatencyFactor,
        ProviderUtilisation = ProviderUtilisation,
        AgentQueues = [.. AgentWaitProbability.Select((p, a) =>
            new AgentQueueing(p, AgentMeanWaitSeconds[a], AgentBacklogSeconds[a], AgentBusy[a], AgentUtilisation[a]))],
    };
}
