using AgentSim.Model.Agents;
using AgentSim.Model.Queues;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Tests.Agents;

public class AgentCapacityTests
{
    private const long TenSeconds = 10_000_000;

    [Fact]
    public void CloseEpoch_BelowCapacity_GivesTheErlangCTableValue()
    {
        // 10 slots, 8 Erlangs (48 answers of 1 s in 6 s... here 80 answers of 1 s in a 10-s epoch): Erlang C tables give
        // P(wait) = 0.4092 (e.g. Cooper, Introduction to Queueing Theory, table of C(c, a); by hand from
        // C = (a^c/c!)·c/(c − a) / (Σ_{k<c} a^k/k! + (a^c/c!)·c/(c − a)) = 0.409180), and a waiting answer waits h/(c − a) = 0.5 s on average.
        var capacity = new AgentCapacity(10, TenSeconds);
        capacity.CloseEpoch(turns: 80, answerMicros: 80_000_000);
        var q = capacity.Queueing;
        Assert.Equal(0.409180, q.WaitProbability, 5);
        Assert.Equal(0.5, q.MeanWaitSeconds, 9);
        Assert.Equal(0, q.BacklogSeconds);
        Assert.Equal(8, q.Busy, 9);
        Assert.Equal(0.8, q.Utilisation, 9);
    }

    [Fact]
    public void CloseEpoch_PastCapacity_CarriesAFluidBacklogThatDrainsWhenLoadFalls()
    {
        // 4 slots, 10-s epochs. 6 Erlangs: 2 × 10 = 20 slot-seconds of work left over, waited behind at 20 ÷ 4 = 5 s.
        var capacity = new AgentCapacity(4, TenSeconds);
        capacity.CloseEpoch(60, 60_000_000);
        Assert.Equal(new AgentQueueing(0, 0, 5, 6, 1.5), capacity.Queueing);

        // Again: 40 slot-seconds, 10 s.
        capacity.CloseEpoch(60, 60_000_000);
        Assert.Equal(10, capacity.Queueing.BacklogSeconds, 9);

        // 2 Erlangs: the backlog drains at (4 − 2) × 10 = 20 slot-seconds, to 20 (5 s); the M/M/4 wait applies on top.
        capacity.CloseEpoch(20, 20_000_000);
        Assert.Equal(5, capacity.Queueing.BacklogSeconds, 9);
        Assert.Equal(ErlangC.WaitProbability(4, 2, 1), capacity.Queueing.WaitProbability, 12);

        // Idle: drained.
        capacity.CloseEpoch(0, 0);
        Assert.Equal(AgentQueueing.None, capacity.Queueing);
    }

    [Fact]
    public void CloseEpoch_Unlimited_NeverQueuesButReportsTheLoad()
    {
        var capacity = new AgentCapacity(null, TenSeconds);
        capacity.CloseEpoch(1_000, 1_000_000_000);
        Assert.Equal(AgentQueueing.None with { Busy = 100 }, capacity.Queueing);
    }

    [Fact]
    public void Epochs_AtSteadyPoissonLoad_AnswersWaitAsErlangCSays()
    {
        // M/M/c at steady state: λ = 12/s, h = 0.5 s exponential, c = 8 (a = 6, ρ = 0.75), 60-s epochs. Each epoch's answers
        // (Poisson count, exponential times) set the next epoch's queue; over many epochs the share of answers that wait and
        // their mean wait must agree with Erlang C at the mean load: P(wait) = C(8, 6), Wq = C·h/(c − a).
        const int c = 8;
        const double lambda = 12, h = 0.5, epochSeconds = 60;
        var capacity = new AgentCapacity(c, (long)(epochSeconds * 1e6));
        var rng = new Rng(2026, 7, Purpose.Conversation);
        long answers = 0, waited = 0;
        double waitSum = 0;
        for (var epoch = 0; epoch < 400; epoch++)
        {
            var q = capacity.Queueing;
            var n = Poisson(lambda * epochSeconds, ref rng);
            long micros = 0;
            for (var i = 0; i < n; i++)
            {
                micros += (long)(rng.Exponential(h) * 1e6);
                if (epoch > 0 && rng.Chance(q.WaitProbability))
                {
                    waited++;
                    waitSum += q.BacklogSeconds + rng.Exponential(q.MeanWaitSeconds);
                }
            }

            answers += epoch > 0 ? n : 0;
            capacity.CloseEpoch(n, micros);
        }

        var pWait = ErlangC.WaitProbability(c, lambda, h);
        var wq = ErlangC.MeanWaitSeconds(c, lambda, h);
        Assert.True(Math.Abs(((double)waited / answers) - pWait) < 0.03 * pWait, $"P(wait) {(double)waited / answers} against Erlang C {pWait}");
        // The wait is convex in the load, and each epoch reads a load measured from about 720 answers (±4% by Poisson alone),
        // so the per-epoch mean wait sits a few per cent above Erlang C's at the mean load (measured: +5.5%); 8% bounds it.
        Assert.True(Math.Abs((waitSum / answers) - wq) < 0.08 * wq, $"mean wait {waitSum / answers} s against Erlang C {wq} s");
    }

    private static int Poisson(double mean, ref Rng rng)
    {
        // Normal approximation is enough at a mean of 720 (the test is about the epochs, not the arrival process).
        var u1 = 1 - rng.NextDouble();
        var u2 = rng.NextDouble();
        var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * z)));
    }
}
