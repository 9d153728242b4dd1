using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Targets;

namespace AgentSim.LoadTests.Tests.Targets;

public sealed class InProcessTargetTests
{
    [Fact]
    public async Task Inject_InProcessSilo_SendsTheTargetRateEverySecond()
    {
        await using var target = await InProcessTarget.StartAsync("baseline", 100, TestContext.Current.CancellationToken);
        var settings = new DriverSettings(50, TimeSpan.FromSeconds(3));

        var result = await new LoadDriver(target, settings).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Timeline.Count);
        Assert.All(result.Timeline, row =>
        {
            Assert.Equal(50, row.Target);
            Assert.InRange(row.Sent, 45, 55);
        });
        Assert.InRange(result.AchievedRate, 49, 51);
        Assert.Equal(0, result.Dropped);
        Assert.Equal(0, result.Errors);
        Assert.Equal(150, result.Ok);
        Assert.Equal(150, result.Outcomes["202"]);
        Assert.Equal(150, await SiloMetrics.AwaitAsync(target.BaseUri, "agentsim_conversations_started_total", 150, TimeSpan.FromSeconds(5)));
    }
}
