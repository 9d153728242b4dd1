using AgentSim.Grains.Tests.Fixtures;
using AgentSim.Grains.Worlds;
using AgentSim.Scenarios;

namespace AgentSim.Grains.Tests.Worlds;

public sealed class WorldCacheTests
{
    [Fact]
    public void Get_SameRunTwice_CompilesOnce()
    {
        var cache = new WorldCache();
        var request = Runs.Request("baseline", seed: 9, conversations: 10, parallelism: 4);

        var first = cache.Get(request);
        var second = cache.Get(request with { Parallelism = 1 });

        Assert.Same(first, second);
        Assert.Equal(9UL, first.Seed);
    }

    [Fact]
    public void Get_SameRunIdOtherSeed_CompilesTheNewWorld()
    {
        var cache = new WorldCache();
        var request = Runs.Request("baseline", seed: 9, conversations: 10, parallelism: 1);

        var first = cache.Get(request);
        var other = cache.Get(request with { Seed = 10 });

        Assert.NotSame(first, other);
        Assert.Equal(10UL, other.Seed);
    }

    [Fact]
    public void Get_NoSeedOverride_KeepsTheScenarioSeed()
    {
        var request = Runs.Request("baseline", seed: 9, conversations: 10, parallelism: 1) with { Seed = null };

        Assert.Equal(Presets.Load("baseline").Seed, new WorldCache().Get(request).Seed);
    }

    [Fact]
    public void Add_ThenGet_GivesTheHandedWorldWithoutCompiling()
    {
        var cache = new WorldCache();
        var request = Runs.Request("baseline", seed: 9, conversations: 10, parallelism: 2);
        var world = WorldCompiler.Compile(request);

        cache.Add(request, world);

        Assert.Same(world, cache.Get(request with { Parallelism = 1 }));
        Assert.Equal(0, cache.Compilations);
    }

    [Fact]
    public void Forget_SameWorld_NextGetCompilesAgain()
    {
        var cache = new WorldCache();
        var request = Runs.Request("baseline", seed: 9, conversations: 10, parallelism: 1);
        var first = cache.Get(request);

        cache.Forget(request with { Seed = 10 });
        Assert.Same(first, cache.Get(request));
        cache.Forget(request);
        var again = cache.Get(request);

        Assert.NotSame(first, again);
        Assert.Equal(2, cache.Compilations);
    }
}
