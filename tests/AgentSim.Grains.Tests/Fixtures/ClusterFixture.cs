using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace AgentSim.Grains.Tests.Fixtures;

/// <summary>
/// One in-process two-silo test cluster shared by every test of the collection. Both silos live in this process and
/// share one <see cref="WorldCache"/>, as the grains of an in-process silo share their host's.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    /// <summary>Observers made by the silos' factory, by run seed.</summary>
    public CountingObserverFactory Observers { get; } = new();

    /// <summary>The world cache both silos use.</summary>
    public WorldCache Worlds { get; } = new();

    /// <summary>The cluster client.</summary>
    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("Cluster not deployed.");

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ClusterId = "agentsim-" + Guid.NewGuid().ToString("N");
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(Worlds);
            silo.AddAgentSimGrains();
            silo.Services.AddSingleton<ISimulationObserverFactory>(Observers);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>Runs a request as an in-process host does: the world compiled once, here, and handed to the silos.</summary>
    public Task<RunOutcome> RunAsync(RunRequest request, IProgress<RunProgress>? progress = null)
    {
        var world = WorldCompiler.Compile(request);
        Worlds.Add(request, world);
        return OrleansEngine.RunAsync(Client, request, world, progress, TestContext.Current.CancellationToken);
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
