using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AgentSim.Grains.Tests.Fixtures;

/// <summary>One in-process two-silo test cluster shared by every test of the collection.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    /// <summary>Observers made by the silos' factory, by run seed.</summary>
    public CountingObserverFactory Observers { get; } = new();

    /// <summary>The cluster client.</summary>
    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("Cluster not deployed.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ClusterId = "agentsim-" + Guid.NewGuid().ToString("N");
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAgentSimGrains();
            silo.Services.AddSingleton<ISimulationObserverFactory>(Observers);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
