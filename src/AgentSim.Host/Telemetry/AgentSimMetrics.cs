using AgentSim.Model.Engine;
using AgentSim.Model.Events;

namespace AgentSim.Host.Telemetry;

/// <summary>Makes a <see cref="WorldMetrics"/> observer per world, recording into the host's <see cref="AgentSimInstruments"/>.</summary>
public sealed class AgentSimMetrics(AgentSimInstruments instruments) : ISimulationObserverFactory
{
    /// <summary>The observer for a world's events.</summary>
    public ISimulationObserver Create(World world) => new WorldMetrics(instruments, world);

    /// <inheritdoc />
    ISimulationObserver? ISimulationObserverFactory.Create(World world) => Create(world);
}
