using AgentSim.Model.Engine;
using AgentSim.Model.Events;

namespace AgentSim.Grains.Worlds;

/// <summary>The default factory: no metrics observer.</summary>
public sealed class NoObserverFactory : ISimulationObserverFactory
{
    /// <summary>Always null.</summary>
    public ISimulationObserver? Create(World world) => null;
}
