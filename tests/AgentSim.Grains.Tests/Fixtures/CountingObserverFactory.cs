using System.Collections.Concurrent;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;

namespace AgentSim.Grains.Tests.Fixtures;

/// <summary>Hands out one shared counting observer per run seed, as a metrics recorder would, and remembers which worlds it was asked for.</summary>
public sealed class CountingObserverFactory : ISimulationObserverFactory
{
    private readonly ConcurrentDictionary<ulong, CountingObserver> _bySeed = new();
    private readonly ConcurrentDictionary<ulong, ConcurrentQueue<World>> _worlds = new();

    /// <inheritdoc />
    public ISimulationObserver? Create(World world)
    {
        _worlds.GetOrAdd(world.Seed, _ => new ConcurrentQueue<World>()).Enqueue(world);
        return _bySeed.GetOrAdd(world.Seed, _ => new CountingObserver());
    }

    /// <summary>The observer of a seed, if any silo made one.</summary>
    public CountingObserver? For(ulong seed) => _bySeed.GetValueOrDefault(seed);

    /// <summary>Every world observers were made for with this seed (one per coordinator and shard grain), in no particular order.</summary>
    public IReadOnlyList<World> WorldsFor(ulong seed) => _worlds.TryGetValue(seed, out var worlds) ? [.. worlds] : [];
}
