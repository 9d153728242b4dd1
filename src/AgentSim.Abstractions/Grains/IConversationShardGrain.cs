using AgentSim.Abstractions.Messages;

namespace AgentSim.Abstractions.Grains;

/// <summary>Owns one shard of a run's conversations and its tally. Key: "{runId}/{index}".</summary>
[Alias("AgentSim.IConversationShardGrain")]
public interface IConversationShardGrain : IGrainWithStringKey
{
    /// <summary>Prepares the shard for a run (idempotent for the same request).</summary>
    [Alias("Start")]
    Task StartAsync(RunRequest request);

    /// <summary>Starts the shard's share of conversations <paramref name="firstId"/>.. and plays every turn of the epoch.</summary>
    [Alias("Advance")]
    Task<EpochReportMessage> AdvanceAsync(SnapshotMessage snapshot, long firstId, long count);

    /// <summary>The shard's tally vector.</summary>
    [Alias("GetTally")]
    Task<long[]> GetTallyAsync();
}
