using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;
using AgentSim.Model.Tallies;

namespace AgentSim.Grains.Shards;

/// <summary>In-memory state of a shard grain: the model shard, its tally and the next epoch it expects.</summary>
internal sealed class ConversationShardState(RunRequest request, Shard shard, RunTally tally)
{
    /// <summary>The run request the grain was started with.</summary>
    public RunRequest Request { get; } = request;

    /// <summary>The shard's conversations in flight.</summary>
    public Shard Shard { get; } = shard;

    /// <summary>Integer totals of the shard.</summary>
    public RunTally Tally { get; } = tally;

    /// <summary>The epoch the next <c>AdvanceAsync</c> must carry.</summary>
    public int NextEpoch { get; set; }

    /// <summary>The last report, returned again if the same epoch is asked for twice.</summary>
    public EpochReportMessage? LastReport { get; set; }
}
