using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Checkpoints;
using AgentSim.Model.Engine;
using AgentSim.Model.Tallies;

namespace AgentSim.Grains.Shards;

/// <summary>In-memory state of a shard grain: the model shard, its tally and the next epoch it expects.</summary>
internal sealed class ConversationShardState(RunRequest request, Shard shard, RunTally tally, GatedObserver? metrics)
{
    /// <summary>The run request the grain was started with.</summary>
    public RunRequest Request { get; } = request;

    /// <summary>The shard's conversations in flight.</summary>
    public Shard Shard { get; } = shard;

    /// <summary>Integer totals of the shard.</summary>
    public RunTally Tally { get; } = tally;

    /// <summary>The epoch the next <c>AdvanceAsync</c> must carry.</summary>
    public int NextEpoch { get; private set; }

    /// <summary>The last report, returned again if the same epoch is asked for twice.</summary>
    public EpochReportMessage? LastReport { get; private set; }

    /// <summary>Advances the shard through the epoch of <paramref name="snapshot"/>, starting ids <paramref name="firstId"/> to <paramref name="firstId"/> + <paramref name="count"/> − 1.</summary>
    public EpochReportMessage Advance(SnapshotMessage snapshot, long firstId, long count)
    {
        var report = EpochReportMessage.From(Shard.Advance(snapshot.ToModel(), firstId, count));
        NextEpoch++;
        LastReport = report;
        return report;
    }

    /// <summary>Advances through checkpointed epochs (from <see cref="NextEpoch"/> on), the metrics muted: they counted these epochs once already.</summary>
    public void Replay(ReadOnlySpan<EpochCheckpoint> checkpoints)
    {
        metrics?.Muted = true;
        try
        {
            foreach (var checkpoint in checkpoints)
            {
                if (checkpoint.Epoch != NextEpoch)
                {
                    throw new InvalidOperationException($"Shard of run '{Request.RunId}' at epoch {NextEpoch} was given the checkpoint of epoch {checkpoint.Epoch}.");
                }

                Advance(checkpoint.Snapshot, checkpoint.FirstId, checkpoint.Count);
            }
        }
        finally
        {
            metrics?.Muted = false;
        }
    }
}
