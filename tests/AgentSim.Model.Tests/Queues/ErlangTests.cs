using AgentSim.Model.Queues;

namespace AgentSim.Model.Tests.Queues;

public class ErlangTests
{
    [Fact]
    public void ErlangC_IssueSevenCallCentre_MatchesQuotedValues()
    {
        // Issue 7 quotes 60 servers, 0.15 arrivals/s, 6 min handle: P(wait) = 0.325, mean wait 19.5 s, from the
        // Erlang C formula (Gross, Shortle, Thompson & Harris, Fundamentals of Queueing Theory, 4th ed., §2.3).
        Assert.Equal(0.325, ErlangC.WaitProbability(60, 0.15, 360), 3);
        Assert.Equal(19.5, ErlangC.MeanWaitSeconds(60, 0.15, 360), 1);
    }

    [Fact]
    public void ErlangC_OneServer_IsTextbookMM1()
    {
        // M/M/1 (Gross & Harris, §2.2): P(wait) = ρ, Wq = ρ/(μ − λ), P(W ≤ t) = 1 − ρ·exp(−(μ − λ)t).
        const double Lambda = 0.5, Mu = 1.0, Rho = Lambda / Mu;
        Assert.Equal(Rho, ErlangC.WaitProbability(1, Lambda, 1 / Mu), 12);
        Assert.Equal(Rho / (Mu - Lambda), ErlangC.MeanWaitSeconds(1, Lambda, 1 / Mu), 12);
        Assert.Equal(1 - (Rho * Math.Exp(-(Mu - Lambda) * 2)), ErlangC.ServiceLevel(1, Lambda, 1 / Mu, 2), 12);
    }

    [Fact]
    public void ErlangC_TwoServers_MatchesHandCalculation()
    {
        // M/M/2, λ = μ = 1, a = 1, ρ = 1/2: P0 = 1/(1 + a + a²/(2!(1 − ρ))) = 1/3; C = a²/(2!(1 − ρ))·P0 = 1/3;
        // Wq = C/(cμ − λ) = 1/3.
        Assert.Equal(1.0 / 3, ErlangC.WaitProbability(2, 1, 1), 12);
        Assert.Equal(1.0 / 3, ErlangC.MeanWaitSeconds(2, 1, 1), 12);
    }

    [Fact]
    public void ErlangC_LoadAtOrAboveServers_IsUnstable()
    {
        Assert.Equal(1, ErlangC.WaitProbability(2, 2, 1));
        Assert.True(double.IsPositiveInfinity(ErlangC.MeanWaitSeconds(2, 3, 1)));
        Assert.Equal(0, ErlangC.ServiceLevel(2, 3, 1, 20));
    }

    [Theory]
    [InlineData(1, 0.5, 1.0)]
    [InlineData(60, 0.15, 360.0)]
    [InlineData(7, 1.3, 5.0)]
    public void ErlangA_UnlimitedPatience_EqualsErlangC(int servers, double lambda, double handle)
    {
        var a = ErlangA.Compute(servers, lambda, handle, double.PositiveInfinity);
        Assert.Equal(ErlangC.WaitProbability(servers, lambda, handle), a.WaitProbability, 9);
        Assert.Equal(ErlangC.MeanWaitSeconds(servers, lambda, handle), a.MeanWaitSeconds, 6);
        Assert.Equal(0, a.AbandonProbability);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(3.0)]
    public void ErlangA_OneServerPatienceEqualToHandle_IsPoissonOfInfiniteServerQueue(double load)
    {
        // With c = 1 and θ = μ every state n dies at rate nμ: the M/M/∞ queue, N ~ Poisson(a). So
        // P(wait) = P(N ≥ 1) = 1 − e^−a, E[Q] = E[(N − 1)+] = a − 1 + e^−a, P(abandon) = θE[Q]/λ = E[Q]/a.
        var r = ErlangA.Compute(1, load, 1, 1);
        var queue = load - 1 + Math.Exp(-load);
        Assert.Equal(1 - Math.Exp(-load), r.WaitProbability, 12);
        Assert.Equal(queue, r.MeanQueueLength, 12);
        Assert.Equal(queue / load, r.AbandonProbability, 12);
        Assert.Equal(queue / load, r.MeanWaitSeconds, 12);
    }

    [Fact]
    public void ErlangA_ShorterPatience_MoreAbandonFewerWaits()
    {
        var patient = ErlangA.Compute(10, 0.18, 60, 120);
        var impatient = ErlangA.Compute(10, 0.18, 60, 20);
        Assert.True(impatient.AbandonProbability > patient.AbandonProbability);
        Assert.True(impatient.WaitProbability < patient.WaitProbability);
        Assert.True(impatient.MeanWaitSeconds < patient.MeanWaitSeconds);
    }
}
