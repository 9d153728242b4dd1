using AgentSim.Model.Queues;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Tests.Queues;

/// <summary>
/// The event simulation against an independent algorithm: for a FIFO queue whose leavers use no server, customer n's
/// start is fixed on arrival by the servers' workload vector (Kiefer &amp; Wolfowitz 1955): start = max(arrival, earliest
/// free server); the customer is answered if start − arrival ≤ patience (that server then frees at start + handle),
/// otherwise leaves at arrival + patience.
/// </summary>
public class KieferWolfowitzTests
{
    [Theory]
    [InlineData(1, 0.9, null)]
    [InlineData(1, 1.5, 40.0)]
    [InlineData(7, 0.9, null)]
    [InlineData(7, 1.3, 25.0)]
    public void Advance_AnyLoad_MatchesWorkloadRecursionCustomerByCustomer(int servers, double loadPerServer, double? patience)
    {
        const double Handle = 45;
        const ulong Seed = 123;
        var arrivals = QueueTestKit.Poisson(Seed, loadPerServer * servers / Handle, 30_000);
        var (answered, abandoned) = QueueTestKit.Run(new HumanQueue(QueueTestKit.Config(servers, Handle, patience), Seed), arrivals, epochSeconds: 13);

        var free = new PriorityQueue<long, long>();
        for (var s = 0; s < servers; s++)
        {
            free.Enqueue(0, 0);
        }

        var expectedAnswered = new List<(long, long, long)>();
        var expectedLeft = new List<(long, long, long)>();
        foreach (var a in arrivals.OrderBy(a => a.ArrivalMicros).ThenBy(a => a.ConversationId))
        {
            var rng = new Rng(Seed, (ulong)a.ConversationId, Purpose.HumanQueue);
            var handle = (long)Math.Round(rng.Exponential(Handle * 1e6));
            var patienceMicros = patience is { } p ? (long)Math.Round(rng.Exponential(1.0) * p * 1e6) : long.MaxValue;
            var start = Math.Max(a.ArrivalMicros, free.Peek());
            if (start - a.ArrivalMicros <= patienceMicros)
            {
                free.DequeueEnqueue(start + handle, start + handle);
                expectedAnswered.Add((a.ConversationId, start, start - a.ArrivalMicros));
            }
            else
            {
                expectedLeft.Add((a.ConversationId, a.ArrivalMicros + patienceMicros, patienceMicros));
            }
        }

        Assert.Equal(expectedAnswered.Order(), answered.Select(a => (a.ConversationId, a.AnsweredAtMicros, a.WaitMicros)).Order());
        Assert.Equal(expectedLeft.Order(), abandoned.Select(a => (a.ConversationId, a.LeftAtMicros, a.WaitMicros)).Order());
        Assert.True(expectedAnswered.Count(a => a.Item3 > 0) > 100);
        Assert.Equal(patience is not null, expectedLeft.Count > 50);
    }
}
