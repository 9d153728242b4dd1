using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Conversations;
using AgentSim.Model.Customers;
using AgentSim.Model.Events;
using AgentSim.Model.Faults;
using AgentSim.Model.Providers;
using AgentSim.Model.Randomness;
using AgentSim.Model.Tallies;

namespace AgentSim.Model.Tests.Conversations;

public class ContextCarrierTests
{
    private static readonly ProviderModel[] Providers =
    [
        new(0, new ProviderConfig { Name = "native", Channels = [.. ChannelInfo.All], NativeContext = true }),
        new(1, new ProviderConfig { Name = "plain", Channels = [.. ChannelInfo.All], NativeContext = false }),
    ];

    private static ContextStoreConfig Store(params ChannelPair[] pairs) => new() { Pairs = [.. pairs], SuccessRate = 1, Latency = LatencySpec.Of(50, 50.0001) };

    private static (bool Lost, long Latency, RunTally Tally) Carry(ContextConfig config, int lastProvider, int toProvider, bool crossProvider = false, FaultSchedule? faults = null)
    {
        var tally = new RunTally(new LabelSpace(2, 0, 0));
        var carrier = new ContextCarrier(config, Providers, faults ?? new FaultSchedule([]), tally);
        var customer = new CustomerProfile { Id = 1, Locale = "en_US", Tier = "standard", PreferredChannel = Channel.WebChat, SwitchPropensity = 1, Patience = 1, Pii = [] };
        var c = new ConversationState { Customer = customer, LastProvider = lastProvider };
        var rng = new Rng(4);
        var latency = carrier.Carry(c, Channel.WebChat, Channel.Voice, toProvider, 1_000, ref rng, crossProvider);
        return (c.ContextLost, latency, tally);
    }

    [Fact]
    public void Carry_SameProviderWithNativeContext_KeepsItNatively()
    {
        var (lost, latency, tally) = Carry(new ContextConfig { NativeSuccessRate = 1 }, lastProvider: 0, toProvider: 0);
        Assert.Equal((false, 0L), (lost, latency));
        Assert.Equal(0, tally.Losses(Channel.WebChat, Channel.Voice, Continuity.Native));
    }

    [Fact]
    public void Carry_NativeHandoffFails_LossCountedAsNative()
    {
        var (lost, _, tally) = Carry(new ContextConfig { NativeSuccessRate = 0 }, lastProvider: 0, toProvider: 0);
        Assert.True(lost);
        Assert.Equal(1, tally.Losses(Channel.WebChat, Channel.Voice, Continuity.Native));
    }

    [Fact]
    public void Carry_ProviderWithoutNativeContextAndNoStore_LosesIt()
    {
        var (lost, _, tally) = Carry(new ContextConfig(), lastProvider: 1, toProvider: 1);
        Assert.True(lost);
        Assert.Equal(1, tally.Losses(Channel.WebChat, Channel.Voice, Continuity.None));
    }

    [Fact]
    public void Carry_FailoverToAnotherProvider_NativeContextDoesNotFollow()
    {
        var (lost, _, tally) = Carry(new ContextConfig { NativeSuccessRate = 1 }, lastProvider: 0, toProvider: 0, crossProvider: true);
        Assert.True(lost);
        Assert.Equal(1, tally.Losses(Channel.WebChat, Channel.Voice, Continuity.None));
    }

    [Fact]
    public void Carry_StoreCoversThePair_KeepsItAndCostsALookup()
    {
        var config = new ContextConfig { Store = Store(new ChannelPair(Channel.WebChat, Channel.Voice)) };
        var (lost, latency, _) = Carry(config, lastProvider: 1, toProvider: 1);
        Assert.False(lost);
        Assert.InRange(latency, 49_000, 51_000);
    }

    [Fact]
    public void Carry_StoreBuiltForOtherPairs_LosesIt()
    {
        var config = new ContextConfig { Store = Store(new ChannelPair(Channel.Voice, Channel.WebChat)) };
        var (lost, _, tally) = Carry(config, lastProvider: 1, toProvider: 1);
        Assert.True(lost);
        Assert.Equal(1, tally.Losses(Channel.WebChat, Channel.Voice, Continuity.None));
    }

    [Fact]
    public void Carry_StoreInScriptedOutage_LosesItAsApplication()
    {
        var config = new ContextConfig { Store = Store(new ChannelPair(Channel.WebChat, Channel.Voice)) };
        var outage = new FaultSchedule([new FaultWindow(FaultKind.ContextStoreOutage, 0, 10_000, -1, -1, null, 0, 0, 0)]);
        var (lost, _, tally) = Carry(config, lastProvider: 1, toProvider: 1, faults: outage);
        Assert.True(lost);
        Assert.Equal(1, tally.Losses(Channel.WebChat, Channel.Voice, Continuity.Application));
    }
}
