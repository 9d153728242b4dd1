using AgentSim.Abstractions.Grains;
using AgentSim.Grains.Tests.Fixtures;
using AgentSim.Grains.Worlds;

namespace AgentSim.Grains.Tests.Providers;

[Collection(ClusterCollection.Name)]
public sealed class ProviderGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task CloseEpochAsync_RequestsOverQuota_ThrottlesNextEpochThenLifts()
    {
        var request = Runs.Request("baseline", seed: 1, conversations: 0, parallelism: 1);
        var world = WorldCompiler.Compile(request);
        var provider = world.Providers.First(p => p.Config.QuotaPerSecond > 0);
        var seconds = world.EpochMicros / 1_000_000.0;
        var grain = cluster.Client.GetGrain<IProviderGrain>(GrainKeys.Of(request.RunId, provider.Name));
        await grain.StartAsync(request);

        var first = await grain.BeginEpochAsync(0);
        await grain.CloseEpochAsync(world.EpochMicros, (long)(provider.Config.QuotaPerSecond * seconds * 2));
        var throttled = await grain.BeginEpochAsync(world.EpochMicros);
        await grain.CloseEpochAsync(2 * world.EpochMicros, (long)(provider.Config.QuotaPerSecond * seconds / 2));
        var lifted = await grain.BeginEpochAsync(2 * world.EpochMicros);

        Assert.Equal(0, first.Throttle);
        Assert.Equal(0.5, throttled.Throttle, 9);
        Assert.Equal(0, lifted.Throttle);
    }
}
