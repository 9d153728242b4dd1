using System.Diagnostics;
using System.Globalization;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Checkpoints;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using AgentSim.Model.Tallies;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace AgentSim.Grains.Shards;

/// <summary>
/// Thin shell over a model <see cref="Shard"/> and its <see cref="RunTally"/>; one activation per shard so shards run in
/// parallel. Placed at random: on a cluster the shards of a run spread over the silos (Orleans' default, resource-optimized
/// placement, keeps them all on the coordinator's silo while the silos are idle); results do not depend on placement.
/// A shard asked for an epoch it has not reached (its activation replaced one lost with its silo) replays the run's
/// checkpointed epochs first: its conversations are defined by the seed, their ids and the epochs' snapshots, so it
/// rebuilds exactly the state, and tally, the lost activation had.
/// </summary>
[RandomPlacement]
public sealed class ConversationShardGrain(WorldCache worlds, ISimulationObserverFactory observers, RunCheckpoints checkpoints, ILogger<ConversationShardGrain> logger)
    : Grain, IConversationShardGrain
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

        _state = Create(key, request);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<EpochReportMessage> AdvanceAsync(SnapshotMessage snapshot, long firstId, long count)
    {
        var state = await AtEpochAsync(snapshot.Epoch);
        if (snapshot.Epoch == state.NextEpoch - 1 && state.LastReport is { } repeated)
        {
            return repeated;
        }

        if (snapshot.Epoch != state.NextEpoch)
        {
            throw new InvalidOperationException($"Shard '{this.GetPrimaryKeyString()}' expected epoch {state.NextEpoch}, got {snapshot.Epoch}.");
        }

        return state.Advance(snapshot, firstId, count);
    }

    /// <inheritdoc />
    public async Task<long[]> GetTallyAsync(int epochs) => (await AtEpochAsync(epochs, tally: true)).Tally.Values;

    private ConversationShardState Create(string key, RunRequest request)
    {
        var part = RunScope.PartOf(key, request);
        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= request.Shards)
        {
            throw new ArgumentException($"Shard '{key}' is not one of the run's {request.Shards} shards.", nameof(request));
        }

        var world = worlds.Get(request);
        var tally = new RunTally(world.Labels);
        // Only a checkpointed run ever replays, so only its metrics need a gate (the hot path stays one call shorter).
        var metrics = observers.Create(world);
        var gated = metrics is not null && checkpoints.Enabled ? new GatedObserver(metrics) : null;
        var shard = new Shard(world, index, request.Shards, CompositeObserver.Of(tally, gated ?? metrics));
        return new ConversationShardState(request, shard, tally, gated);
    }

    // The state ready for epoch `epoch` (`tally`: the tally after `epoch` epochs). On a checkpointed run a state that
    // cannot take it is rebuilt from the run's checkpoints: caught up when behind (a fresh activation is at epoch 0),
    // replayed from the start when past it (the coordinator lost its last checkpoint and runs an epoch again).
    private async Task<ConversationShardState> AtEpochAsync(int epoch, bool tally = false)
    {
        var key = this.GetPrimaryKeyString();
        if (!checkpoints.Enabled)
        {
            return RunScope.Started(_state, key);
        }

        if (_state is { } current && (current.NextEpoch == epoch || (!tally && current.NextEpoch == epoch + 1 && current.LastReport is not null)))
        {
            return current;
        }

        var clock = Stopwatch.StartNew();
        var (runId, _) = GrainKeys.Split(key);
        var request = _state?.Request ?? RunScope.Started(await checkpoints.LoadRequestAsync(runId), key);
        var state = _state is { } behind && behind.NextEpoch < epoch ? behind : Create(key, request);
        var from = state.NextEpoch;
        state.Replay(await checkpoints.LoadAsync(runId, epoch, from));
        _state = state;
        logger.LogWarning(
            "Shard {Shard}: caught up from the run's checkpoints, epochs {From} to {To} replayed in {Milliseconds} ms",
            key,
            from,
            epoch - 1,
            clock.ElapsedMilliseconds);
        return state;
    }
}
