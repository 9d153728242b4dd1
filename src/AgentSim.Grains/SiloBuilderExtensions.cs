using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentSim.Grains;

/// <summary>Registers what AgentSim's grains need on a silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Adds the world cache and, unless one is already registered, a factory that makes no metrics observer.</summary>
    public static ISiloBuilder AddAgentSimGrains(this ISiloBuilder builder)
    {
        builder.Services.TryAddSingleton<WorldCache>();
        builder.Services.TryAddSingleton<ISimulationObserverFactory, NoObserverFactory>();
        return builder;
    }
}
