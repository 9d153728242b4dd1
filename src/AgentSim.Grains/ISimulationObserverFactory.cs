using AgentSim.Model.Engine;

namespace AgentSim.Grains;

/// <summary>Makes the optional metrics observer that shards and coordinators add beside their tallies.</summary>
public interface ISimulationObserverFactory
{
    /// <summary>An observer for a run's world, or null for none; it must be thread-safe (shards share it).</summary>
    ISimulationObserver? Create(World world);
}
