using System.Collections.Concurrent;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;

namespace AgentSim.Grains.Tests.Fixtures;

/// <summary>Hands out one shared counting observer per run seed, as a metrics recorder would.</summary>
public sealed class CountingObserverFactory : ISimulationObserverFactory
{
    private readonly ConcurrentDictionary<ulong, CountingObserver> _bySeed = new();

    /// <inheritdoc />
    public ISimulationObserver? Create(World world) => _bySeed.GetOrAdd(world.Seed, _ => new CountingObserver());

    /// <summary>The observer of a seed, if any silo made one.</summary>
    public CountingObserver? For(ulong seed) => _bySeed.GetValueOrDefault(seed);
}
