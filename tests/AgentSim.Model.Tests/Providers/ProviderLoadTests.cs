using AgentSim.Model.Configuration;
using AgentSim.Model.Providers;

namespace AgentSim.Model.Tests.Providers;

public class ProviderLoadTests
{
    private static ProviderRuntime Runtime(double quota) =>
        new(new ProviderModel(0, new ProviderConfig { Name = "p", QuotaPerSecond = quota }), 10_000_000, 1);

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.0)]    // 1/(1 − 0.5)
    [InlineData(0.75, 4.0)]   // 1/(1 − 0.75)
    [InlineData(0.8, 5.0)]    // 1/(1 − 0.8)
    [InlineData(0.9, 10.0)]   // 1/(1 − 0.9), the cap
    [InlineData(1.5, 10.0)]   // past the quota: capped
    public void LatencyFactorAt_IsTheMM1SojournFactorCappedAtTen(double utilisation, double factor) =>
        Assert.Equal(factor, ProviderRuntime.LatencyFactorAt(utilisation), 9);

    [Fact]
    public void CloseEpoch_HalfTheQuota_DoublesLatencyAndThrottlesNothing()
    {
        // 30 requests/s for 10 s is 300; 150 requests is ρ = 0.5.
        var p = Runtime(30);
        p.CloseEpoch(150);
        Assert.Equal((0.5, 2.0, 0.0), (p.Utilisation, p.LatencyFactor, p.Throttle));
    }

    [Fact]
    public void CloseEpoch_TwiceTheQuota_ThrottlesHalfAtTheCappedLatency()
    {
        // 600 requests in 10 s against 30/s: demand 60/s, ρ = 2; 1 − 30/60 = half are throttled; latency capped at 10×.
        var p = Runtime(30);
        p.CloseEpoch(600);
        Assert.Equal((2.0, 10.0, 0.5), (p.Utilisation, p.LatencyFactor, p.Throttle));
    }

    [Fact]
    public void NoQuota_NeitherStretchesNorThrottles()
    {
        var p = Runtime(0);
        p.CloseEpoch(1_000_000);
        Assert.Equal((0.0, 1.0, 0.0), (p.Utilisation, p.LatencyFactor, p.Throttle));
        Assert.Equal(0, new ProviderModel(0, new ProviderConfig { Name = "p" }).RetryAfterMicros);
    }

    [Fact]
    public void RetryAfter_IsTheTimeToTheNextToken()
    {
        // 30 tokens per second: one every 33,334 µs (rounded up).
        Assert.Equal(33_334, new ProviderModel(0, new ProviderConfig { Name = "p", QuotaPerSecond = 30 }).RetryAfterMicros);
    }
}
