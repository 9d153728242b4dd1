using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Conversations;
using AgentSim.Model.Customers;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Tests.Conversations;

public class TurnToleranceTests
{
    private static readonly CustomerProfile Customer = new CustomerFactory(7, new CustomersConfig(), new WeightedTable([1, 1, 1, 1, 1, 1])).Create(1);

    private static ConversationState Conversation(Channel channel) => new() { Customer = Customer, Channel = channel };

    private static TurnTolerance Voice(double meanSeconds, double frustrationPerTolerance = 1.0) =>
        new(new Dictionary<Channel, double> { [Channel.Voice] = meanSeconds }, frustrationPerTolerance);

    [Fact]
    public void Exceeded_LatencyEqualToTheMean_HangsUpOnOneTurnInOneMinusOneOverE()
    {
        // Hand calculation: tolerance T ~ Exp(mean 2 s); a 2-s wait exceeds it with P(T < 2) = 1 − e^(−2/2) = 1 − e^(−1) = 0.632121.
        const int Turns = 200_000;
        var tolerance = Voice(meanSeconds: 2);
        var rng = new Rng(2026, 1, Purpose.Conversation);
        var hungUp = 0;
        for (var i = 0; i < Turns; i++)
        {
            if (tolerance.Exceeded(Conversation(Channel.Voice), 2_000_000, ref rng))
            {
                hungUp++;
            }
        }

        var expected = 1 - Math.Exp(-1);
        var sigma = Math.Sqrt(expected * (1 - expected) / Turns);
        Assert.InRange(hungUp / (double)Turns, expected - (4 * sigma), expected + (4 * sigma));
    }

    [Fact]
    public void Exceeded_ToleranceFarAboveLatency_NobodyHangsUp()
    {
        // P(T < 2 s) with a mean of 10^9 s is 2·10^-9 per turn: over 100,000 turns, none.
        var tolerance = Voice(meanSeconds: 1e9);
        var rng = new Rng(2026, 2, Purpose.Conversation);
        for (var i = 0; i < 100_000; i++)
        {
            Assert.False(tolerance.Exceeded(Conversation(Channel.Voice), 2_000_000, ref rng));
        }
    }

    [Fact]
    public void Exceeded_ChannelWithoutTolerance_NeverHangsUpAndDrawsNothing()
    {
        var tolerance = Voice(meanSeconds: 0.001);
        var rng = new Rng(2026, 3, Purpose.Conversation);
        var before = rng;
        var c = Conversation(Channel.Email);
        Assert.False(tolerance.Exceeded(c, 3_600_000_000, ref rng));
        Assert.Equal(before.NextUInt64(), rng.NextUInt64());
        Assert.Equal(0, c.Frustration);
    }

    [Fact]
    public void Exceeded_CustomerWhoStays_IsFrustratedInProportionToTheWait()
    {
        // A 1.5-s wait against a mean tolerance of 30 s, at 0.8 frustration per mean tolerance: 0.8 × 1.5 / 30 = 0.04.
        var tolerance = Voice(meanSeconds: 30, frustrationPerTolerance: 0.8);
        var rng = new Rng(2026, 4, Purpose.Conversation);
        var stayed = 0;
        for (var i = 0; i < 1000; i++)
        {
            var c = Conversation(Channel.Voice);
            if (!tolerance.Exceeded(c, 1_500_000, ref rng))
            {
                stayed++;
                Assert.Equal(0.04, c.Frustration, 12);
            }
        }

        Assert.True(stayed > 900, $"{stayed} of 1000 stayed; expected about e^(−0.05) = 95%");
    }

    [Fact]
    public void Defaults_OnlySynchronousChannelsHaveATolerance()
    {
        var defaults = CustomersConfig.DefaultTurnTolerance();
        Assert.All(ChannelInfo.All, c => Assert.Equal(c.IsSynchronous(), defaults.ContainsKey(c)));
    }
}
