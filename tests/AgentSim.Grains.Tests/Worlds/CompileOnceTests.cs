using AgentSim.Grains.Tests.Fixtures;
using AgentSim.Grains.Worlds;

namespace AgentSim.Grains.Tests.Worlds;

/// <summary>A run's world is compiled once: grains of an in-process silo use the world they are handed; other silos compile the request once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CompileOnceTests(ClusterFixture cluster)
{
    [Fact]
    public async Task RunAsync_WorldHandedToTheSilos_EveryGrainUsesThatWorldAndNothingIsCompiled()
    {
        const ulong seed = 90_101;
        var request = Runs.Request("baseline", seed, conversations: 300, parallelism: 3);
        var world = WorldCompiler.Compile(request);
        var compilations = cluster.Worlds.Compilations;

        cluster.Worlds.Add(request, world);
        await OrleansEngine.RunAsync(cluster.Client, request, world, null, TestContext.Current.CancellationToken);

        Assert.Equal(compilations, cluster.Worlds.Compilations);
        var seen = cluster.Observers.WorldsFor(seed);
        Assert.Equal(1 + 3, seen.Count);
        Assert.All(seen, w => Assert.Same(world, w));
    }

    [Fact]
    public async Task RunAsync_WorldNotHanded_TheSilosCompileTheRequestOnce()
    {
        const ulong seed = 90_102;
        var request = Runs.Request("baseline", seed, conversations: 300, parallelism: 3);
        var world = WorldCompiler.Compile(request);
        var compilations = cluster.Worlds.Compilations;

        await OrleansEngine.RunAsync(cluster.Client, request, world, null, TestContext.Current.CancellationToken);

        Assert.Equal(compilations + 1, cluster.Worlds.Compilations);
        var seen = cluster.Observers.WorldsFor(seed);
        Assert.Equal(1 + 3, seen.Count);
        Assert.All(seen, w => Assert.Same(seen[0], w));
        Assert.NotSame(world, seen[0]);
    }
}
