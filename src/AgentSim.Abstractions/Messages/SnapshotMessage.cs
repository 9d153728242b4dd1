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
    [property: Id(7)] bool[] GuardrailDown)
{
    /// <summary>Copies a model snapshot into a message.</summary>
    public static SnapshotMessage From(EpochSnapshot s) =>
        new(s.Epoch, s.StartMicros, s.EndMicros, s.AgentRolledBack, s.ProviderDown, s.ProviderThrottle, s.GuardrailDown);

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
    };
}
