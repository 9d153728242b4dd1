using AgentSim.Grains.Checkpoints;
using AgentSim.Grains.Cluster;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentSim.Grains;

/// <summary>Registers what AgentSim's grains need on a silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds the world cache and, unless already registered, a factory that makes no metrics observer and a
    /// <see cref="ClusterStore"/> that shares nothing (a silo alone).
    /// </summary>
    public static ISiloBuilder AddAgentSimGrains(this ISiloBuilder builder)
    {
        builder.Services.TryAddSingleton<WorldCache>();
        builder.Services.TryAddSingleton<ISimulationObserverFactory, NoObserverFactory>();
        builder.Services.TryAddSingleton(_ => new ClusterStore("local", null));
        builder.Services.TryAddSingleton<RunCheckpoints>();
        return builder;
    }
}
