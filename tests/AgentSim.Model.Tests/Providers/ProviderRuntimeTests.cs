using AgentSim.Model.Configuration;
using AgentSim.Model.Providers;

namespace AgentSim.Model.Tests.Providers;

public class ProviderRuntimeTests
{
    private const long Minute = 60_000_000;

    [Fact]
    public void CloseEpoch_DemandOverQuota_ThrottlesTheExcessShare()
    {
        var runtime = new ProviderRuntime(new ProviderModel(0, new ProviderConfig { Name = "p", QuotaPerSecond = 10 }), Minute, 1);
        runtime.CloseEpoch(40 * 60);
        Assert.Equal(0.75, runtime.Throttle, 6);
        runtime.CloseEpoch(5 * 60);
        Assert.Equal(0, runtime.Throttle);
    }

    [Fact]
    public void DownDuring_NoMtbf_NeverDown()
    {
        var runtime = new ProviderRuntime(new ProviderModel(0, new ProviderConfig { Name = "p" }), Minute, 1);
        Assert.DoesNotContain(Enumerable.Range(0, 1000), e => runtime.DownDuring(e * Minute));
    }

    [Fact]
    public void DownDuring_WithMtbf_IsDownAboutMttrOverMtbf()
    {
        var runtime = new ProviderRuntime(new ProviderModel(0, new ProviderConfig { Name = "p", Availability = new AvailabilitySpec { MtbfHours = 2, MttrMinutes = 12 } }), Minute, 1);
        var down = Enumerable.Range(0, 20_000).Count(e => runtime.DownDuring(e * Minute));
        Assert.InRange(down / 20_000.0, 0.05, 0.15);
    }
}
