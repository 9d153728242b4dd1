using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Tallies;

namespace AgentSim.Model.Engine;

/// <summary>The epoch steps in process: a <see cref="SharedState"/> and one <see cref="Shard"/> (with its tally) per unit of parallelism.</summary>
public sealed class LocalEpochSteps : IEpochSteps
{
    private readonly SharedState _shared;
    private readonly Shard[] _shards;

    /// <summary>Creates the shared state and <paramref name="parallelism"/> shards; <paramref name="metrics"/>, when given, sees every shard's events.</summary>
    public LocalEpochSteps(World world, int parallelism, ISimulationObserver? metrics = null)
    {
        var count = Math.Max(1, parallelism);
        _shared = new SharedState(world);
        Tallies = [.. Enumerable.Range(0, count).Select(_ => new RunTally(world.Labels))];
        _shards = [.. Enumerable.Range(0, count).Select(i => new Shard(world, i, count, CompositeObserver.Of(Tallies[i], metrics)))];
    }

    /// <summary>The shards' tallies, by shard index.</summary>
    public RunTally[] Tallies { get; }

    /// <inheritdoc />
    public ValueTask<EpochSnapshot> BeginEpochAsync(EpochWindow window) => new(_shared.Snapshot(window));

    /// <inheritdoc />
    public ValueTask<EpochReport[]> AdvanceShardsAsync(EpochSnapshot snapshot, long firstId, long count)
    {
        var reports = new EpochReport[_shards.Length];
        if (_shards.Length == 1)
        {
            reports[0] = _shards[0].Advance(snapshot, firstId, count);
        }
        else
        {
            Parallel.For(0, _shards.Length, i => reports[i] = _shards[i].Advance(snapshot, firstId, count));
        }

        return new(reports);
    }

    /// <inheritdoc />
    public ValueTask<RollbackReason?[]> CloseEpochAsync(EpochSnapshot snapshot, EpochReport merged) => new(_shared.Close(snapshot, merged));
}
