using AgentSim.Abstractions.Messages;

namespace AgentSim.Abstractions.Grains;

/// <summary>Owns one shard of a run's conversations and its tally. Key: "{runId}/{index}".</summary>
[Alias("AgentSim.IConversationShardGrain")]
public interface IConversationShardGrain : IGrainWithStringKey
{
    /// <summary>Prepares the shard for a run (idempotent for the same request).</summary>
    [Alias("Start")]
    Task StartAsync(RunRequest request);

    /// <summary>
    /// Starts the shard's share of conversations <paramref name="firstId"/>.. and plays every turn of the epoch; the same
    /// epoch asked for again (a retry) gets the same report, and an epoch past the shard's own is caught up to from the
    /// run's checkpoints first.
    /// </summary>
    [Alias("Advance")]
    Task<EpochReportMessage> AdvanceAsync(SnapshotMessage snapshot, long firstId, long count);

    /// <summary>The shard's tally vector after the run's first <paramref name="epochs"/> epochs (a shard that lost its state catches up to them from the run's checkpoints).</summary>
    [Alias("GetTally")]
    Task<long[]> GetTallyAsync(int epochs);
}
