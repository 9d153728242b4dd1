using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Queues;

namespace AgentSim.Model.Tests.Queues;

public class HumanQueueTests
{
    private const long Second = 1_000_000;

    [Fact]
    public void Advance_UnlimitedServers_NobodyWaits()
    {
        var queue = new HumanQueue(QueueTestKit.Config(servers: null, meanHandleSeconds: 600, meanPatienceSeconds: 1), seed: 5);
        var (answered, abandoned) = QueueTestKit.Run(queue, QueueTestKit.Poisson(5, 2.0, 3_000), epochSeconds: 60);

        Assert.Empty(abandoned);
        Assert.All(answered, a => Assert.Equal(0, a.WaitMicros));
        Assert.Equal(0, queue.Stats.WaitProbability);
        Assert.Equal(1, queue.Stats.ServiceLevel);
        Assert.Equal(0, queue.Stats.Occupancy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(30.0)]
    public void Advance_SplitReorderedOrReEpoched_GivesIdenticalPerCustomerResults(double? patience)
    {
        var config = QueueTestKit.Config(servers: 8, meanHandleSeconds: 60, meanPatienceSeconds: patience);
        var arrivals = QueueTestKit.Poisson(9, 0.15, 20_000);

        var reference = QueueTestKit.Run(new HumanQueue(config, 77), arrivals, epochSeconds: 60);

        // The same arrivals, reported by two "shards" (odd and even ids) concatenated in reverse order, in 7 s epochs.
        var shuffled = arrivals.Where(a => a.ConversationId % 2 == 0).Reverse()
            .Concat(arrivals.Where(a => a.ConversationId % 2 == 1)).ToList();
        var other = QueueTestKit.Run(new HumanQueue(config, 77), shuffled, epochSeconds: 7);

        Assert.Equal(Key(reference.Answered), Key(other.Answered));
        Assert.Equal(Key(reference.Abandoned), Key(other.Abandoned));
        Assert.Equal(arrivals.Count, reference.Answered.Count + reference.Abandoned.Count);
        Assert.True(reference.Answered.Count(a => a.WaitMicros > 0) > 100);
        if (patience is not null)
        {
            Assert.True(reference.Abandoned.Count > 50);
        }
    }

    [Fact]
    public void Advance_OneClass_NobodyOvertakes()
    {
        var queue = new HumanQueue(QueueTestKit.Config(servers: 3, meanHandleSeconds: 60, meanPatienceSeconds: 60), seed: 3);
        var (answered, _) = QueueTestKit.Run(queue, QueueTestKit.Poisson(3, 0.06, 30_000), epochSeconds: 45);

        // Answer times are non-decreasing in arrival order (time, then id): FIFO.
        var byArrival = answered.OrderBy(a => a.AnsweredAtMicros - a.WaitMicros).ThenBy(a => a.ConversationId).ToList();
        for (var i = 1; i < byArrival.Count; i++)
        {
            Assert.True(byArrival[i].AnsweredAtMicros >= byArrival[i - 1].AnsweredAtMicros);
        }
    }

    [Fact]
    public void Advance_TierPriority_ServesHigherTierFirst()
    {
        var config = QueueTestKit.Config(servers: 1, meanHandleSeconds: 100);
        config.TierPriority = ["platinum", "gold"];
        var queue = new HumanQueue(config, seed: 1, tierNames: ["standard", "gold", "platinum"]);

        // Conversation 1 takes the only server; then standard (2), gold (3), standard (4), platinum (5) queue up.
        var result = queue.Advance(
            [
                new QueueArrival(4, 4 * Second, Channel.Voice, 0),
                new QueueArrival(1, 0, Channel.Voice, 0),
                new QueueArrival(3, 3 * Second, Channel.Voice, 1),
                new QueueArrival(5, 5 * Second, Channel.WebChat, 2),
                new QueueArrival(2, 2 * Second, Channel.Voice, 0),
            ],
            10 * Second);
        Assert.Equal([1L], result.Answered.Select(a => a.ConversationId));
        Assert.Equal(4, queue.Waiting);

        var later = queue.Advance([], 100_000 * Second);
        Assert.Equal([5L, 3L, 2L, 4L], later.Answered.Select(a => a.ConversationId));
    }

    [Fact]
    public void Advance_EveryEpoch_ConservesCustomers()
    {
        var queue = new HumanQueue(QueueTestKit.Config(servers: 4, meanHandleSeconds: 120, meanPatienceSeconds: 90), seed: 11);
        var arrivals = QueueTestKit.Poisson(11, 0.05, 5_000);
        long answered = 0, abandoned = 0, offered = 0;
        for (var end = 60 * Second; end <= 6_000 * Second; end += 60 * Second)
        {
            var batch = arrivals.Where(a => a.ArrivalMicros >= end - (60 * Second) && a.ArrivalMicros < end).ToList();
            var result = queue.Advance(batch, end);
            offered += batch.Count;
            answered += result.Answered.Count;
            abandoned += result.Abandoned.Count;
            Assert.Equal(offered, answered + abandoned + queue.Waiting);
            Assert.Equal(queue.Stats.Offered, queue.Stats.Answered + queue.Stats.Abandoned + queue.Waiting);
            Assert.Equal(answered, queue.Stats.Answered);
            Assert.InRange(queue.Busy, 0, 4);
            Assert.True(queue.Waiting == 0 || queue.Busy == 4);
        }

        Assert.True(abandoned > 0);
    }

    [Fact]
    public void Advance_AbandonmentReportedInTheEpochItHappens()
    {
        var queue = new HumanQueue(QueueTestKit.Config(servers: 1, meanHandleSeconds: 1e6, meanPatienceSeconds: 5), seed: 2);
        queue.Advance([new QueueArrival(1, 0, Channel.Sms, 0), new QueueArrival(2, 1, Channel.Sms, 0)], 1 * Second);
        var left = new List<QueueAbandonment>();
        for (var end = 2 * Second; left.Count == 0 && end < 10_000 * Second; end += Second)
        {
            left.AddRange(queue.Advance([], end).Abandoned);
            Assert.All(left, a => Assert.InRange(a.LeftAtMicros, end - Second, end - 1));
        }

        Assert.Equal(2, Assert.Single(left).ConversationId);
    }

    [Fact]
    public void Advance_ShorterPatienceOnOneChannel_ThatChannelAbandonsMore()
    {
        var config = QueueTestKit.Config(servers: 5, meanHandleSeconds: 60, meanPatienceSeconds: 300);
        config.Patience!.ByChannel[Channel.Voice] = 10;
        var arrivals = QueueTestKit.Poisson(21, 0.09, 20_000);
        var (_, abandoned) = QueueTestKit.Run(new HumanQueue(config, 21), arrivals, epochSeconds: 60);

        var channelOf = arrivals.ToDictionary(a => a.ConversationId, a => a.Channel);
        double Share(Func<Channel, bool> on) =>
            abandoned.Count(a => on(channelOf[a.ConversationId])) / (double)arrivals.Count(a => on(a.Channel));
        Assert.True(Share(c => c == Channel.Voice) > 2 * Share(c => c != Channel.Voice));
        Assert.All(abandoned.Where(a => channelOf[a.ConversationId] != Channel.Voice), a => Assert.True(a.WaitMicros > 0));
    }

    [Theory]
    [InlineData(0, 60.0, null)]
    [InlineData(2, 0.0, null)]
    [InlineData(2, 60.0, -1.0)]
    public void Constructor_InvalidConfig_Throws(int servers, double handle, double? patience)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HumanQueue(QueueTestKit.Config(servers, handle, patience), seed: 1));
    }

    [Fact]
    public void Advance_ArrivalOutsideEpoch_Throws()
    {
        var queue = new HumanQueue(QueueTestKit.Config(servers: 2, meanHandleSeconds: 10), seed: 1);
        queue.Advance([], 10 * Second);
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.Advance([new QueueArrival(1, 5 * Second, Channel.Email, 0)], 20 * Second));
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.Advance([new QueueArrival(1, 20 * Second, Channel.Email, 0)], 20 * Second));
    }

    [Fact]
    public void Stats_OneServerDeterministicLoad_ComputesContactCentreOutputs()
    {
        var config = new HumanQueueConfig { Name = "one", Servers = 1, HandleTime = DurationSpec.LogNormal(10_000, 10_000), ServiceLevelSeconds = 5 };
        var queue = new HumanQueue(config, seed: 1);

        // Handle time is exactly 10 s; arrivals at 0, 1 s and 2 s wait 0, 9 s and 18 s.
        var result = queue.Advance(
            [new QueueArrival(1, 0, Channel.Voice, 0), new QueueArrival(2, Second, Channel.Voice, 0), new QueueArrival(3, 2 * Second, Channel.Voice, 0)],
            40 * Second);

        Assert.Equal([0L, 9 * Second, 18 * Second], result.Answered.Select(a => a.WaitMicros));
        var stats = queue.Stats;
        Assert.Equal(3, stats.Offered);
        Assert.Equal(3.0 / 40, stats.OfferedPerSecond, 12);
        Assert.Equal(10, stats.MeanHandleSeconds, 6);
        Assert.Equal(2.0 / 3, stats.WaitProbability, 12);
        Assert.Equal(9, stats.MeanWaitSeconds, 6);
        Assert.Equal(18, stats.WaitP90Seconds, 0);
        Assert.Equal(1.0 / 3, stats.ServiceLevel, 12);
        Assert.Equal(30.0 / 40, stats.Occupancy, 6);
    }

    private static List<(long, long, long)> Key(IEnumerable<QueueAnswer> answers) =>
        [.. answers.Select(a => (a.ConversationId, a.AnsweredAtMicros, a.WaitMicros)).Order()];

    private static List<(long, long, long)> Key(IEnumerable<QueueAbandonment> left) =>
        [.. left.Select(a => (a.ConversationId, a.LeftAtMicros, a.WaitMicros)).Order()];
}
