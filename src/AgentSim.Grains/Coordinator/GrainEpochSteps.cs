using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Checkpoints;
using AgentSim.Model.Engine;
using AgentSim.Model.Epochs;
using AgentSim.Model.Events;

namespace AgentSim.Grains.Coordinator;

/// <summary>
/// The epoch steps over a run's grains: the snapshot from the agent, provider and guardrail-layer grains, every shard
/// grain in parallel, and the epoch's close on the agent and provider grains. A handful of calls per epoch. Each epoch
/// run is kept as <see cref="Completed"/> (its checkpoint); epochs given to <see cref="Replay"/> are answered from their
/// checkpoints instead, without a call, so a coordinator rebuilt after a loss catches up exactly.
/// </summary>
internal sealed class GrainEpochSteps : IEpochSteps
{
    private readonly Queue<EpochCheckpoint> _replay = new();
    private SnapshotMessage? _snapshot;
    private (long FirstId, long Count) _started;

    /// <summary>Resolves the references of a run's grains.</summary>
    public GrainEpochSteps(RunRequest request, World world, IGrainFactory grains)
    {
        Agents = [.. world.Agents.Select(a => grains.GetGrain<IAgentGrain>(GrainKeys.Of(request.RunId, a.Name)))];
        Providers = [.. world.Providers.Select(p => grains.GetGrain<IProviderGrain>(GrainKeys.Of(request.RunId, p.Name)))];
        Layers = [.. world.Guardrails.Select(g => grains.GetGrain<IGuardrailLayerGrain>(GrainKeys.Of(request.RunId, g.Name)))];
        Shards = [.. Enumerable.Range(0, request.Shards).Select(i => grains.GetGrain<IConversationShardGrain>(GrainKeys.Shard(request.RunId, i)))];
    }

    /// <summary>Agent grains by agent index.</summary>
    public IAgentGrain[] Agents { get; }

    /// <summary>Provider grains by provider index.</summary>
    public IProviderGrain[] Providers { get; }

    /// <summary>Guardrail layer grains by layer index.</summary>
    public IGuardrailLayerGrain[] Layers { get; }

    /// <summary>Conversation shard grains by shard index.</summary>
    public IConversationShardGrain[] Shards { get; }

    /// <summary>The checkpoint of the last epoch run against the grains (null before the first, and after a replayed one).</summary>
    public EpochCheckpoint? Completed { get; private set; }

    /// <summary>True while epochs given to <see cref="Replay"/> remain.</summary>
    public bool Replaying => _replay.Count > 0;

    /// <summary>Answers the next epochs from <paramref name="checkpoints"/> (in order) rather than from the grains.</summary>
    public void Replay(IEnumerable<EpochCheckpoint> checkpoints)
    {
        foreach (var checkpoint in checkpoints)
        {
            _replay.Enqueue(checkpoint);
        }
    }

    /// <summary>Starts every grain of the run (idempotent for the same request).</summary>
    public Task StartAsync(RunRequest request) =>
        Task.WhenAll(
            Agents.Select(g => g.StartAsync(request))
                .Concat(Providers.Select(g => g.StartAsync(request)))
                .Concat(Layers.Select(g => g.StartAsync(request)))
                .Concat(Shards.Select(g => g.StartAsync(request))));

    /// <inheritdoc />
    public async ValueTask<EpochSnapshot> BeginEpochAsync(EpochWindow window)
    {
        Completed = null;
        if (_replay.TryPeek(out var checkpoint))
        {
            return checkpoint.Epoch == window.Epoch
                ? checkpoint.Snapshot.ToModel()
                : throw new InvalidOperationException($"Replaying epoch {window.Epoch} from the checkpoint of epoch {checkpoint.Epoch}.");
        }

        var agents = Task.WhenAll(Agents.Select(g => g.BeginEpochAsync(window.StartMicros)));
        var providers = Task.WhenAll(Providers.Select(g => g.BeginEpochAsync(window.StartMicros)));
        var layers = Task.WhenAll(Layers.Select(g => g.BeginEpochAsync(window.StartMicros)));
        await Task.WhenAll(agents, providers, layers);
        var snapshot = new EpochSnapshot
        {
            Epoch = window.Epoch,
            StartMicros = window.StartMicros,
            EndMicros = window.EndMicros,
            AgentRolledBack = [.. agents.Result.Select(a => a.RolledBack)],
            ProviderDown = [.. providers.Result.Select(p => p.Down)],
            ProviderThrottle = [.. providers.Result.Select(p => p.Throttle)],
            GuardrailDown = layers.Result,
            AgentQueues = [.. agents.Result.Select(a => a.Queueing)],
            ProviderLatencyFactor = [.. providers.Result.Select(p => p.LatencyFactor)],
            ProviderUtilisation = [.. providers.Result.Select(p => p.Utilisation)],
        };
        _snapshot = SnapshotMessage.From(snapshot);
        return snapshot;
    }

    /// <inheritdoc />
    public async ValueTask<EpochReport[]> AdvanceShardsAsync(EpochSnapshot snapshot, long firstId, long count)
    {
        if (_replay.TryPeek(out var checkpoint))
        {
            return checkpoint.FirstId == firstId && checkpoint.Count == count
                ? [checkpoint.Merged.ToModel()]
                : throw new InvalidOperationException($"Epoch {checkpoint.Epoch} started ids {firstId}+{count} on replay, {checkpoint.FirstId}+{checkpoint.Count} when it ran.");
        }

        var message = _snapshot!;
        var reports = await Task.WhenAll(Shards.Select(s => s.AdvanceAsync(message, firstId, count)));
        _started = (firstId, count);
        return [.. reports.Select(r => r.ToModel())];
    }

    /// <inheritdoc />
    public async ValueTask<RollbackReason?[]> CloseEpochAsync(EpochSnapshot snapshot, EpochReport merged)
    {
        if (_replay.TryDequeue(out var checkpoint))
        {
            return checkpoint.Rollbacks;
        }

        var agents = Task.WhenAll(Agents.Select((g, a) =>
            g.CloseEpochAsync(snapshot.EndMicros, [.. merged.IncidentTimes[a]], [.. merged.FailureTimes[a]], merged.AgentTurns[a], merged.AgentAnswerMicros[a])));
        var providers = Task.WhenAll(Providers.Select((g, p) => g.CloseEpochAsync(snapshot.EndMicros, merged.ProviderRequests[p])));
        await Task.WhenAll(agents, providers);
        Completed = new EpochCheckpoint(_snapshot!, _started.FirstId, _started.Count, EpochReportMessage.From(merged), agents.Result);
        return agents.Result;
    }
}
