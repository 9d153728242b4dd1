using System.Globalization;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using AgentSim.Model.Tallies;
using Orleans.Placement;

namespace AgentSim.Grains.Shards;

/// <summary>
/// Thin shell over a model <see cref="Shard"/> and its <see cref="RunTally"/>; one activation per shard so shards run in
/// parallel. Placed at random: on a cluster the shards of a run spread over the silos (Orleans' default, resource-optimized
/// placement, keeps them all on the coordinator's silo while the silos are idle); results do not depend on placement.
/// </summary>
[RandomPlacement]
public sealed class ConversationShardGrain(WorldCache worlds, ISimulationObserverFactory observers) : Grain, IConversationShardGrain
{
    private ConversationShardState? _state;

    /// <inheritdoc />
    public Task StartAsync(RunRequest request)
    {
        var key = this.GetPrimaryKeyString();
        if (_state is not null)
        {
            RunScope.EnsureSame(key, _state.Request, request);
            return Task.CompletedTask;
        }

        var part = RunScope.PartOf(key, request);
        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= request.Shards)
        {
            throw new ArgumentException($"Shard '{key}' is not one of the run's {request.Shards} shards.", nameof(request));
        }

        var world = worlds.Get(request);
        var tally = new RunTally(world.Labels);
        var shard = new Shard(world, index, request.Shards, CompositeObserver.Of(tally, observers.Create(world)));
        _state = new ConversationShardState(request, shard, tally);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<EpochReportMessage> AdvanceAsync(SnapshotMessage snapshot, long firstId, long count)
    {
        var state = RunScope.Started(_state, this.GetPrimaryKeyString());
        if (snapshot.Epoch == state.NextEpoch - 1 && state.LastReport is { } repeated)
        {
            return Task.FromResult(repeated);
        }

        if (snapshot.Epoch != state.NextEpoch)
        {
            throw new InvalidOperationException($"Shard '{this.GetPrimaryKeyString()}' expected epoch {state.NextEpoch}, got {snapshot.Epoch}.");
        }

        var report = EpochReportMessage.From(state.Shard.Advance(snapshot.ToModel(), firstId, count));
        state.NextEpoch++;
        state.LastReport = report;
        return Task.FromResult(report);
    }

    /// <inheritdoc />
    public Task<long[]> GetTallyAsync() =>
        Task.FromResult(RunScope.Started(_state, this.GetPrimaryKeyString()).Tally.Values);
}
