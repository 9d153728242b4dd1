using AgentSim.Model.Configuration;

namespace AgentSim.Model.Tests.Queues;

public class DurationSpecTests
{
    [Fact]
    public void Mean_Exponential_IsMeanSeconds()
    {
        Assert.Equal(360, DurationSpec.Exponential(360).Mean);
    }

    [Fact]
    public void Mean_LogNormal_IsExpOfMuPlusHalfSigmaSquared()
    {
        // p50 = 60 s, p99 = 600 s: σ = ln 10 / z0.99, mean = 60·exp(σ²/2).
        var sigma = Math.Log(10) / 2.3263478740408408;
        Assert.Equal(60 * Math.Exp(sigma * sigma / 2), DurationSpec.LogNormal(60_000, 600_000).Mean, 9);
    }

    [Fact]
    public void MeanSecondsFor_ChannelOverride_WinsOverDefault()
    {
        var patience = PatienceSpec.Exponential(120);
        patience.ByChannel[Channels.Channel.Voice] = 30;
        Assert.Equal(30, patience.MeanSecondsFor(Channels.Channel.Voice));
        Assert.Equal(120, patience.MeanSecondsFor(Channels.Channel.Email));
    }
}
