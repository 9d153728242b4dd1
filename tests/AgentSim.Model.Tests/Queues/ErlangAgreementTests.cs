using AgentSim.Model.Configuration;
using AgentSim.Model.Queues;

namespace AgentSim.Model.Tests.Queues;

/// <summary>The simulated queue against Erlang C and Erlang A, over independent replications (different seeds).</summary>
public class ErlangAgreementTests(ITestOutputHelper output)
{
    private const int Replications = 12;
    private const double WarmUpSeconds = 20_000;

    [Fact]
    public void Simulate_PoissonExponentialUnlimitedPatience_AgreesWithErlangC()
    {
        // Issue 7's call centre: 60 servers, 0.15 arrivals/s, 360 s handle (a = 54 Erlangs, ρ = 0.9).
        const int Servers = 60;
        const double Lambda = 0.15, Handle = 360, Horizon = 420_000;
        var waitShares = new List<double>();
        var meanWaits = new List<double>();
        var serviceLevels = new List<double>();
        for (var r = 0; r < Replications; r++)
        {
            var seed = 1000UL + (ulong)r;
            var arrivals = QueueTestKit.Poisson(seed, Lambda, Horizon);
            var queue = new HumanQueue(QueueTestKit.Config(Servers, Handle), seed);
            var (answered, abandoned) = QueueTestKit.Run(queue, arrivals, epochSeconds: 60);
            Assert.Empty(abandoned);
            var steady = answered.Where(a => a.AnsweredAtMicros - a.WaitMicros >= WarmUpSeconds * 1e6).ToList();
            waitShares.Add(steady.Count(a => a.WaitMicros > 0) / (double)steady.Count);
            meanWaits.Add(steady.Average(a => a.WaitMicros) / 1e6);
            serviceLevels.Add(steady.Count(a => a.WaitMicros <= 20_000_000) / (double)steady.Count);
        }

        var pWait = QueueTestKit.Interval(waitShares);
        var wait = QueueTestKit.Interval(meanWaits);
        var level = QueueTestKit.Interval(serviceLevels);
        var expectedL = ErlangC.ServiceLevel(Servers, Lambda, Handle, 20);
        output.WriteLine($"service level (20 s): Erlang C {expectedL:F4}, simulated {level.Mean:F4} ± {level.HalfWidth:F4}; c = 59 gives {ErlangC.ServiceLevel(Servers - 1, Lambda, Handle, 20):F4}");
        AssertInside(expectedL, level);
        AssertOutside(ErlangC.ServiceLevel(Servers - 1, Lambda, Handle, 20), level);
        var expectedP = ErlangC.WaitProbability(Servers, Lambda, Handle);
        var expectedW = ErlangC.MeanWaitSeconds(Servers, Lambda, Handle);
        output.WriteLine($"P(wait): Erlang C {expectedP:F4}, simulated {pWait.Mean:F4} ± {pWait.HalfWidth:F4}; c = 59 gives {ErlangC.WaitProbability(Servers - 1, Lambda, Handle):F4}");
        output.WriteLine($"mean wait: Erlang C {expectedW:F2} s, simulated {wait.Mean:F2} ± {wait.HalfWidth:F2} s; c = 59 gives {ErlangC.MeanWaitSeconds(Servers - 1, Lambda, Handle):F2} s");
        AssertInside(expectedP, pWait);
        AssertInside(expectedW, wait);
        AssertOutside(ErlangC.WaitProbability(Servers - 1, Lambda, Handle), pWait);
        AssertOutside(ErlangC.MeanWaitSeconds(Servers - 1, Lambda, Handle), wait);
        AssertOutside(ErlangC.WaitProbability(Servers + 1, Lambda, Handle), pWait);
    }

    [Fact]
    public void Simulate_ExponentialPatience_AgreesWithErlangAAndMovesItsWay()
    {
        // An overloaded small team (a = 10.8 Erlangs on 10 servers) held stable only by abandonment.
        const int Servers = 10;
        const double Lambda = 0.18, Handle = 60, Horizon = 60_000;
        var patient = Measure(Servers, Lambda, Handle, patienceSeconds: 120, Horizon);
        var impatient = Measure(Servers, Lambda, Handle, patienceSeconds: 20, Horizon);
        var expectedPatient = ErlangA.Compute(Servers, Lambda, Handle, 120);
        var expectedImpatient = ErlangA.Compute(Servers, Lambda, Handle, 20);
        Report("patience 120 s", expectedPatient, patient);
        Report("patience 20 s", expectedImpatient, impatient);

        AssertInside(expectedPatient.AbandonProbability, patient.Abandon);
        AssertInside(expectedPatient.WaitProbability, patient.Wait);
        AssertInside(expectedImpatient.AbandonProbability, impatient.Abandon);
        AssertInside(expectedImpatient.WaitProbability, impatient.Wait);

        // Shorter patience: more abandonment, fewer waits, as Erlang A says, with intervals that do not overlap.
        Assert.True(impatient.Abandon.Mean - impatient.Abandon.HalfWidth > patient.Abandon.Mean + patient.Abandon.HalfWidth);
        Assert.True(impatient.Wait.Mean + impatient.Wait.HalfWidth < patient.Wait.Mean - patient.Wait.HalfWidth);
    }

    [Fact]
    public void Simulate_OneServerLogNormalHandle_AgreesWithPollaczekKhinchine()
    {
        // M/G/1 (Pollaczek–Khinchine; Gross & Harris §5.1): P(wait) = ρ, Wq = λE[S²]/(2(1 − ρ)). Log-normal handle
        // time with median 1 s and p99 5 s: σ = ln 5/z0.99, E[S] = exp(σ²/2) s, E[S²] = exp(2σ²) s².
        const double Lambda = 0.5, Horizon = 400_000;
        var sigma = Math.Log(5) / 2.3263478740408408;
        var mean = Math.Exp(sigma * sigma / 2);
        var rho = Lambda * mean;
        var expectedW = Lambda * Math.Exp(2 * sigma * sigma) / (2 * (1 - rho));
        var waitShares = new List<double>();
        var meanWaits = new List<double>();
        for (var r = 0; r < Replications; r++)
        {
            var seed = 3000UL + (ulong)r;
            var config = new HumanQueueConfig { Servers = 1, HandleTime = DurationSpec.LogNormal(1000, 5000) };
            var (answered, _) = QueueTestKit.Run(new HumanQueue(config, seed), QueueTestKit.Poisson(seed, Lambda, Horizon), epochSeconds: 60);
            var steady = answered.Where(a => a.AnsweredAtMicros - a.WaitMicros >= 1_000_000_000).ToList();
            waitShares.Add(steady.Count(a => a.WaitMicros > 0) / (double)steady.Count);
            meanWaits.Add(steady.Average(a => a.WaitMicros) / 1e6);
        }

        var pWait = QueueTestKit.Interval(waitShares);
        var wait = QueueTestKit.Interval(meanWaits);
        output.WriteLine($"M/G/1: P(wait) ρ = {rho:F4}, simulated {pWait.Mean:F4} ± {pWait.HalfWidth:F4}");
        output.WriteLine($"M/G/1: Wq P-K {expectedW:F4} s, simulated {wait.Mean:F4} ± {wait.HalfWidth:F4} s; exponential handle (M/M/1) would give {rho * mean / (1 - rho):F4} s");
        AssertInside(rho, pWait);
        AssertInside(expectedW, wait);
        AssertOutside(rho * mean / (1 - rho), wait);
    }

    private static ((double Mean, double HalfWidth) Abandon, (double Mean, double HalfWidth) Wait) Measure(
        int servers, double lambda, double handle, double patienceSeconds, double horizon)
    {
        var abandonShares = new List<double>();
        var waitShares = new List<double>();
        for (var r = 0; r < Replications; r++)
        {
            var seed = 2000UL + (ulong)r;
            var queue = new HumanQueue(QueueTestKit.Config(servers, handle, patienceSeconds), seed);
            var (answered, abandoned) = QueueTestKit.Run(queue, QueueTestKit.Poisson(seed, lambda, horizon), epochSeconds: 30);
            const long WarmUp = 2_000_000_000;
            var served = answered.Where(a => a.AnsweredAtMicros - a.WaitMicros >= WarmUp).ToList();
            var left = abandoned.Where(a => a.LeftAtMicros - a.WaitMicros >= WarmUp).ToList();
            var decided = served.Count + left.Count;
            abandonShares.Add(left.Count / (double)decided);
            waitShares.Add((served.Count(a => a.WaitMicros > 0) + left.Count) / (double)decided);
        }

        return (QueueTestKit.Interval(abandonShares), QueueTestKit.Interval(waitShares));
    }

    private static void AssertInside(double expected, (double Mean, double HalfWidth) interval) =>
        Assert.InRange(expected, interval.Mean - interval.HalfWidth, interval.Mean + interval.HalfWidth);

    private static void AssertOutside(double wrong, (double Mean, double HalfWidth) interval) =>
        Assert.False(
            Math.Abs(wrong - interval.Mean) <= interval.HalfWidth,
            $"{wrong} should lie outside {interval.Mean} ± {interval.HalfWidth}");

    private void Report(string label, ErlangAResult expected, ((double Mean, double HalfWidth) Abandon, (double Mean, double HalfWidth) Wait) simulated)
    {
        output.WriteLine($"{label}: P(abandon) Erlang A {expected.AbandonProbability:F4}, simulated {simulated.Abandon.Mean:F4} ± {simulated.Abandon.HalfWidth:F4}");
        output.WriteLine($"{label}: P(wait) Erlang A {expected.WaitProbability:F4}, simulated {simulated.Wait.Mean:F4} ± {simulated.Wait.HalfWidth:F4}");
    }
}
