using AgentSim.LoadTests.Driver;

namespace AgentSim.LoadTests.Tests.Driver;

public sealed class LoadDriverTests
{
    [Fact]
    public async Task RunAsync_TargetStallsItsCaller_ResponseTimeShowsTheStallButServiceTimeDoesNot()
    {
        // 100/s for 3 s; call 50 holds the driver for 1 s, so the ~100 arrivals due meanwhile go out late, all at once.
        var stall = TimeSpan.FromSeconds(1);
        var driver = new LoadDriver(new StallingTarget(50, stall), new DriverSettings(100, TimeSpan.FromSeconds(3)));

        var result = await driver.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(300, result.Scheduled);
        Assert.Equal(300, result.Sent);
        Assert.True(result.ResponseTime.P99Ms >= 0.9 * stall.TotalMilliseconds, $"response p99 {result.ResponseTime.P99Ms} ms");
        Assert.True(result.ServiceTime.P99Ms < 0.1 * stall.TotalMilliseconds, $"service p99 {result.ServiceTime.P99Ms} ms");
        Assert.True(result.SendLag.MaxMs >= 0.9 * stall.TotalMilliseconds, $"send lag max {result.SendLag.MaxMs} ms");
        Assert.False(result.KeptTarget);
        Assert.Contains("late", result.Shortfall, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InFlightCapReached_DropsAndCountsArrivalsInsteadOfDelayingThem()
    {
        var target = new SilentTarget();
        var settings = new DriverSettings(50, TimeSpan.FromSeconds(2), MaxInFlight: 5, DrainTimeout: TimeSpan.FromMilliseconds(200));

        var result = await new LoadDriver(target, settings).RunAsync(TestContext.Current.CancellationToken);

        // The first five went out; every later arrival was dropped in its own second, and none was sent later.
        Assert.Equal(5, target.Calls);
        Assert.Equal(100, result.Scheduled);
        Assert.Equal(5, result.Sent);
        Assert.Equal(95, result.Dropped);
        Assert.Equal(5, result.Unfinished);
        Assert.Equal(5, result.MaxInFlightSeen);
        Assert.Equal([45L, 50L], result.Timeline.Select(r => r.Dropped));
        Assert.Equal([50L, 50L], result.Timeline.Select(r => r.Target));
        Assert.False(result.KeptTarget);
        Assert.Contains("dropped", result.Shortfall, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Warmup_MeasuresOnlyArrivalsAfterIt()
    {
        var settings = new DriverSettings(40, TimeSpan.FromSeconds(2), Warmup: TimeSpan.FromSeconds(1));

        var result = await new LoadDriver(new InstantTarget(), settings).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(80, result.Scheduled);
        Assert.Equal(80, result.Ok);
        Assert.Equal(2, result.Timeline.Count);
    }

    [Fact]
    public async Task RunAsync_InjectRandom_SendsAPoissonCountThatTheSeedRepeats()
    {
        var settings = new DriverSettings(200, TimeSpan.FromSeconds(2), Poisson: true, Seed: 11);

        var first = await new LoadDriver(new InstantTarget(), settings).RunAsync(TestContext.Current.CancellationToken);
        var second = await new LoadDriver(new InstantTarget(), settings).RunAsync(TestContext.Current.CancellationToken);

        // 400 expected, sd 20: within 4 sd; every arrival sent; the same seed schedules the same arrivals.
        Assert.InRange(first.Scheduled, 320, 480);
        Assert.Equal(first.Scheduled, first.Sent);
        Assert.Equal(first.Timeline.Select(r => r.Target), second.Timeline.Select(r => r.Target));
        Assert.NotEqual(first.Timeline[0].Target, first.Timeline[1].Target);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Arrivals_Rate_GivesThatManyArrivalsASecond(bool poisson)
    {
        LoadSimulation phase = poisson ? new LoadSimulation.InjectRandom(1000, 1000, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(1)) : new LoadSimulation.Inject(1000, TimeSpan.FromSeconds(100));
        var arrivals = LoadProfile.Build([phase], 0, 7).NewArrivals(7);
        var count = 0;
        while (arrivals.Next() < 100)
        {
            count++;
        }

        // Constant spacing: exactly 100,000; Poisson: mean 100,000, sd 316, so within 4 sd.
        Assert.InRange(count, poisson ? 98_735 : 100_000, poisson ? 101_265 : 100_000);
    }

    [Fact]
    public void Arrivals_SameSeed_SameArrivals()
    {
        var profile = LoadProfile.Build([new LoadSimulation.InjectRandom(50, 50, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1))], 0, 3);
        var a = profile.NewArrivals(3);
        var b = profile.NewArrivals(3);

        Assert.Equal(Enumerable.Range(0, 100).Select(_ => a.Next()), Enumerable.Range(0, 100).Select(_ => b.Next()));
    }
}
