using AgentSim.Abstractions.Messages;
using AgentSim.Model.Events;

namespace AgentSim.Grains.Checkpoints;

/// <summary>
/// What one finished epoch of a virtual-time run fed its grains: the snapshot every shard read, the ids the shards
/// started, the shards' merged report and the rollbacks the agents decided at its close. A conversation is defined by the
/// seed, its id and the epoch snapshots, and every run-scoped grain by the epochs' inputs, so replaying a run's
/// checkpoints rebuilds any of its grains exactly: a grain lost with its silo is re-activated elsewhere and catches up.
/// </summary>
/// <param name="Snapshot">The epoch's snapshot, as the shards received it.</param>
/// <param name="FirstId">Id of the first conversation started in the epoch.</param>
/// <param name="Count">Conversations started in the epoch.</param>
/// <param name="Merged">The shards' reports merged in shard order, as the epoch's close received them.</param>
/// <param name="Rollbacks">Per agent: why it was rolled back at the epoch's close, if it was.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.EpochCheckpoint")]
public sealed record EpochCheckpoint(
    [property: Id(0)] SnapshotMessage Snapshot,
    [property: Id(1)] long FirstId,
    [property: Id(2)] long Count,
    [property: Id(3)] EpochReportMessage Merged,
    [property: Id(4)] RollbackReason?[] Rollbacks)
{
    /// <summary>The epoch's number.</summary>
    public int Epoch => Snapshot.Epoch;
}
