using AgentSim.Model.Events;

namespace AgentSim.Model.Engine;

/// <summary>Makes the optional metrics observer that an engine's shards and coordinator add beside their tallies.</summary>
public interface ISimulationObserverFactory
{
    /// <summary>An observer for a run's world, or null for none; it must be thread-safe (shards share it).</summary>
    ISimulationObserver? Create(World world);
}
