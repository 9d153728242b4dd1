using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Tests.Fixtures;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Customers;

namespace AgentSim.Grains.Tests.Customers;

[Collection(ClusterCollection.Name)]
public sealed class CustomerGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task GetProfileAsync_AnyCustomer_ReturnsTheFactoryProfileWithPiiMasked()
    {
        var request = Runs.Request("baseline", seed: 4, conversations: 0, parallelism: 1);
        var world = WorldCompiler.Compile(request);
        var raw = new CustomerFactory(world.Seed, world.Config.Customers, world.ChannelMix).Create(1234);

        var view = await cluster.Client.GetGrain<ICustomerGrain>(1234).GetProfileAsync(request);

        Assert.Equal(raw.Locale, view.Locale);
        Assert.Equal(raw.Patience, view.Patience);
        Assert.Equal(raw.Pii.Select(CustomerProfile.Mask), view.MaskedPii);
        Assert.All(raw.Pii.Zip(view.MaskedPii), p => Assert.NotEqual(p.First, p.Second));
    }

    [Fact]
    public async Task RecordOutcomeAsync_ManyOutcomes_KeepsOnlyTheMostRecent()
    {
        var grain = cluster.Client.GetGrain<ICustomerGrain>(Math.Abs(BitConverter.ToInt64(Guid.NewGuid().ToByteArray()) % 1_000_000_000) + 1_000_000);

        for (var i = 0; i < 40; i++)
        {
            await grain.RecordOutcomeAsync(new CustomerOutcomeEntry("run", "resolved", "voice", i));
        }

        var history = await grain.GetHistoryAsync();
        Assert.InRange(history.Length, 1, 20);
        Assert.Equal(39, history[^1].SimulatedSeconds);
    }
}
