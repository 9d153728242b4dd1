using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;

namespace AgentSim.Grains.Coordinator;

/// <summary>In-memory state of a run coordinator: the grains of the run, where the run stands, and the rollback tally.</summary>
internal sealed class RunCoordinatorState
{
    /// <summary>Creates the state of a run and resolves the references of its grains.</summary>
    public RunCoordinatorState(RunRequest request, World world, ISimulationObserver? metrics, IGrainFactory grains)
    {
        Request = request;
        World = world;
        RollbackTally = new RunTally(world);
        RollbackObserver = CompositeObserver.Of(RollbackTally, metrics);
        Remaining = request.Conversations;
        Agents = [.. world.Agents.Select(a => grains.GetGrain<IAgentGrain>(GrainKeys.Of(request.RunId, a.Name)))];
        Providers = [.. world.Providers.Select(p => grains.GetGrain<IProviderGrain>(GrainKeys.Of(request.RunId, p.Name)))];
        Layers = [.. world.Guardrails.Select(g => grains.GetGrain<IGuardrailLayerGrain>(GrainKeys.Of(request.RunId, g.Name)))];
        Shards = [.. Enumerable.Range(0, request.Shards).Select(i => grains.GetGrain<IConversationShardGrain>(GrainKeys.Shard(request.RunId, i)))];
    }

    /// <summary>The run request.</summary>
    public RunRequest Request { get; }

    /// <summary>The run's compiled world.</summary>
    public World World { get; }

    /// <summary>Rollbacks decided by the coordinator at epoch ends.</summary>
    public RunTally RollbackTally { get; }

    /// <summary>The rollback tally plus the optional metrics observer.</summary>
    public ISimulationObserver RollbackObserver { get; }

    /// <summary>Agent grains by agent index.</summary>
    public IAgentGrain[] Agents { get; }

    /// <summary>Provider grains by provider index.</summary>
    public IProviderGrain[] Providers { get; }

    /// <summary>Guardrail layer grains by layer index.</summary>
    public IGuardrailLayerGrain[] Layers { get; }

    /// <summary>Conversation shard grains by shard index.</summary>
    public IConversationShardGrain[] Shards { get; }

    /// <summary>The next epoch to run.</summary>
    public int Epoch { get; set; }

    /// <summary>Id of the next conversation to start.</summary>
    public long NextId { get; set; }

    /// <summary>Conversations not yet started.</summary>
    public long Remaining { get; set; }

    /// <summary>Conversations started so far.</summary>
    public long Started { get; set; }

    /// <summary>Conversations ended so far.</summary>
    public long Ended { get; set; }

    /// <summary>True once every conversation has started and ended.</summary>
    public bool Done { get; set; }

    /// <summary>Epochs of snapshots kept for replays: a week of one-second epochs, about 150 MB at most.</summary>
    public const int HistoryLimit = 604_800;

    /// <summary>Snapshots of the epochs run, oldest first, for replays (the most recent <see cref="HistoryLimit"/>).</summary>
    public List<SnapshotMessage> History { get; } = [];

    /// <summary>Epoch of <c>History[0]</c>.</summary>
    public int HistoryStart { get; set; }

    /// <summary>Where the run stands.</summary>
    public StepResult Progress() =>
        new(Started, Ended, Request.Conversations, Epoch * World.EpochMicros / 1e6, Epoch, Done);
}
