using AgentSim.LoadTests.Driver;

namespace AgentSim.LoadTests.Tests.Driver;

/// <summary>The arrival and copies profiles of every load simulation, checked against hand calculations of r(t) and its integral.</summary>
public sealed class LoadProfileTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    // Arrivals of the profile in each whole second from 0 to `seconds`.
    private static int[] PerSecond(LoadProfile profile, int seconds, int seed = 1)
    {
        var counts = new int[seconds];
        var arrivals = profile.NewArrivals(seed);
        for (var t = arrivals.Next(); t < seconds; t = arrivals.Next())
        {
            counts[(int)t]++;
        }

        return counts;
    }

    [Fact]
    public void RampingInject_FromZero_ArrivalsFollowTheIntegralOfTheRamp()
    {
        // r(t) = 10t over 4 s: Λ(t) = 5t², so 5, 15, 25, 35 arrivals in the four seconds (Λ(n+1) − Λ(n)), 80 in all.
        var profile = LoadProfile.Build([new LoadSimulation.RampingInject(40, S(4))], 0, 1);

        Assert.Equal(80, profile.Expected(4), 9);
        Assert.Equal(20, profile.Level(2), 9);
        Assert.Equal([5, 15, 25, 35], PerSecond(profile, 4));
    }

    [Fact]
    public void RampingInject_AfterInject_RampsFromThePreviousRateDown()
    {
        // 30/s for 2 s, then down to 10/s over 2 s: r = 30 − 10τ, so 25 then 15 arrivals in the ramp's seconds.
        var profile = LoadProfile.Build([new LoadSimulation.Inject(30, S(2)), new LoadSimulation.RampingInject(10, S(2))], 0, 1);

        Assert.Equal([30, 30, 25, 15], PerSecond(profile, 4));
    }

    [Fact]
    public void Pause_BetweenInjects_SendsNothingInIt()
    {
        var profile = LoadProfile.Build([new LoadSimulation.Inject(20, S(1)), new LoadSimulation.Pause(S(2)), new LoadSimulation.Inject(20, S(1))], 0, 1);

        Assert.Equal([20, 0, 0, 20], PerSecond(profile, 4));
    }

    [Fact]
    public void IterationsForInject_StopsAfterItsIterations()
    {
        var profile = LoadProfile.Build([new LoadSimulation.IterationsForInject(20, 50)], 0, 1);

        Assert.Equal([20, 20, 10, 0], PerSecond(profile, 4));
        Assert.Equal(2.5, profile.End, 9);
    }

    [Fact]
    public void Warmup_InjectsAtTheFirstPhasesRateBeforeIt()
    {
        var profile = LoadProfile.Build([new LoadSimulation.Inject(25, S(2))], 1, 1);

        Assert.Equal([25, 25, 25], PerSecond(profile, 3));
    }

    [Fact]
    public void InjectRandom_RateRange_EachIntervalsCountIsPoissonAtARateInTheRange()
    {
        // 100-300/s redrawn every second for 200 s: each second's count has mean in [100, 300]; over 200 s the mean
        // count is near 200 (sd of the mean of uniform rates ≈ 57.7/√200 ≈ 4.1, plus Poisson noise), and the same
        // seed draws the same rates.
        var phases = new LoadSimulation[] { new LoadSimulation.InjectRandom(100, 300, S(200), S(1)) };
        var counts = PerSecond(LoadProfile.Build(phases, 0, 5), 200, seed: 5);

        Assert.InRange(counts.Average(), 180, 220);
        Assert.InRange(counts.Min(), 60, 140);
        Assert.InRange(counts.Max(), 260, 360);
        Assert.Equal(counts, PerSecond(LoadProfile.Build(phases, 0, 5), 200, seed: 5));
        Assert.NotEqual(counts, PerSecond(LoadProfile.Build(phases, 0, 6), 200, seed: 6));
    }

    [Fact]
    public void RampingConstant_CopiesMoveInAStraightLineThenKeepConstantHolds()
    {
        var profile = LoadProfile.Build([new LoadSimulation.RampingConstant(10, S(5)), new LoadSimulation.KeepConstant(10, S(5)), new LoadSimulation.RampingConstant(0, S(5))], 0, 1);

        Assert.False(profile.Open);
        Assert.Equal(0, profile.Level(0), 9);
        Assert.Equal(4, profile.Level(2), 9);
        Assert.Equal(10, profile.Level(7), 9);
        Assert.Equal(6, profile.Level(12), 9);
        Assert.Equal(0, profile.Level(15), 9);
    }

    [Fact]
    public void Check_OpenAndClosedMixed_IsAnErrorNamingBoth()
    {
        var problems = LoadSimulation.Check([new LoadSimulation.Inject(10, S(1)), new LoadSimulation.KeepConstant(2, S(1))], "scenarios[0]");

        var problem = Assert.Single(problems);
        Assert.Contains("'inject'", problem, StringComparison.Ordinal);
        Assert.Contains("'keep-constant'", problem, StringComparison.Ordinal);
        Assert.StartsWith("scenarios[0]", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PauseWithEither_IsFineButOnlyPausesIsNot()
    {
        Assert.Empty(LoadSimulation.Check([new LoadSimulation.Pause(S(1)), new LoadSimulation.KeepConstant(2, S(1))], "x"));
        Assert.Empty(LoadSimulation.Check([new LoadSimulation.Inject(5, S(1)), new LoadSimulation.Pause(S(1))], "x"));
        Assert.Single(LoadSimulation.Check([new LoadSimulation.Pause(S(1))], "x"));
        Assert.Single(LoadSimulation.Check([new LoadSimulation.IterationsForConstant(2, 10), new LoadSimulation.KeepConstant(2, S(1))], "x"));
    }
}
