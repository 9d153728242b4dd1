using AgentSim.Model.Epochs;
using AgentSim.Model.Events;

namespace AgentSim.Model.Engine;

/// <summary>
/// The three steps of an epoch that an engine carries out its own way — in process (<see cref="LocalEpochSteps"/>) or
/// over grains — while <see cref="EpochLoop"/> decides what each step is given, so every engine runs the same protocol.
/// </summary>
public interface IEpochSteps
{
    /// <summary>Reads the shared state in force for the epoch (agents, providers, guardrail layers) into a snapshot.</summary>
    ValueTask<EpochSnapshot> BeginEpochAsync(EpochWindow window);

    /// <summary>Has every shard start its share of conversations <paramref name="firstId"/>.. and play the epoch's turns; one report per shard.</summary>
    ValueTask<EpochReport[]> AdvanceShardsAsync(EpochSnapshot snapshot, long firstId, long count);

    /// <summary>Hands the merged report to agents and providers at the epoch's end; returns, per agent, why it was rolled back, if it was.</summary>
    ValueTask<RollbackReason?[]> CloseEpochAsync(EpochSnapshot snapshot, EpochReport merged);
}
