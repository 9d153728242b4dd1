using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;
using AgentSim.Model.Epochs;
using AgentSim.Model.Events;

namespace AgentSim.Grains.Coordinator;

/// <summary>
/// The epoch steps over a run's grains: the snapshot from the agent, provider and guardrail-layer grains, every shard
/// grain in parallel, and the epoch's close on the agent and provider grains. A handful of calls per epoch.
/// </summary>
internal sealed class GrainEpochSteps : IEpochSteps
{
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
        var agents = Task.WhenAll(Agents.Select(g => g.BeginEpochAsync(window.StartMicros)));
        var providers = Task.WhenAll(Providers.Select(g => g.BeginEpochAsync(window.StartMicros)));
        var layers = Task.WhenAll(Layers.Select(g => g.BeginEpochAsync(window.StartMicros)));
        await Task.WhenAll(agents, providers, layers);
        return new EpochSnapshot
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
    }

    /// <inheritdoc />
    public async ValueTask<EpochReport[]> AdvanceShardsAsync(EpochSnapshot snapshot, long firstId, long count)
    {
        var message = SnapshotMessage.From(snapshot);
        var reports = await Task.WhenAll(Shards.Select(s => s.AdvanceAsync(message, firstId, count)));
        return [.. reports.Select(r => r.ToModel())];
    }

    /// <inheritdoc />
    public async ValueTask<RollbackReason?[]> CloseEpochAsync(EpochSnapshot snapshot, EpochReport merged)
    {
        var agents = Task.WhenAll(Agents.Select((g, a) =>
            g.CloseEpochAsync(snapshot.EndMicros, [.. merged.IncidentTimes[a]], [.. merged.FailureTimes[a]], merged.AgentTurns[a], merged.AgentAnswerMicros[a])));
        var providers = Task.WhenAll(Providers.Select((g, p) => g.CloseEpochAsync(merged.ProviderRequests[p])));
        await Task.WhenAll(agents, providers);
        return agents.Result;
    }
}
