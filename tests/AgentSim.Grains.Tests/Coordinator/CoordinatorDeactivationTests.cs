using AgentSim.Abstractions.Grains;
using AgentSim.Grains.Tests.Fixtures;
using AgentSim.Grains.Worlds;

namespace AgentSim.Grains.Tests.Coordinator;

[Collection(ClusterCollection.Name)]
public sealed class CoordinatorDeactivationTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Deactivation_OfARunsCoordinator_ItsSiloForgetsTheRunsWorld()
    {
        var request = Runs.Request("baseline", seed: 12, conversations: 50, parallelism: 1);
        var world = WorldCompiler.Compile(request);
        cluster.Worlds.Add(request, world);
        await OrleansEngine.RunAsync(cluster.Client, request, world, null, TestContext.Current.CancellationToken);
        Assert.Same(world, cluster.Worlds.Get(request));

        await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);

        // The old activation is gone: a new one has no run to report.
        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Client.GetGrain<IRunCoordinatorGrain>(request.RunId).GetProgressAsync());
        var compilations = cluster.Worlds.Compilations;
        Assert.NotSame(world, cluster.Worlds.Get(request));
        Assert.Equal(compilations + 1, cluster.Worlds.Compilations);
    }
}
