using AgentSim.Model.Results;
using AgentSim.Model.Tests.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>
/// Load changes outcomes (the <c>capacity</c> preset, virtual time): ten times the arrival rate overloads the human queue
/// and the primary provider's quota, so customers wait and leave the queue, requests are throttled and fail over to a
/// provider without native context, context is lost, more conversations fail and agents are rolled back more.
/// </summary>
public class CapacityTests
{
    private static readonly Lazy<(RunResults Low, RunResults High)> Runs = new(() => (Run(2), Run(20)));

    [Fact]
    public void Capacity_TenTimesTheRate_QueueWaitsAndAbandonmentRiseAndServiceLevelFalls()
    {
        var (low, high) = Runs.Value;
        var l = low.Queues["desk"];
        var h = high.Queues["desk"];
        Assert.True(h.WaitProbability > l.WaitProbability + 0.2, $"P(wait) {l.WaitProbability} -> {h.WaitProbability}");
        Assert.True(h.MeanWaitSeconds > 3 * l.MeanWaitSeconds, $"mean wait {l.MeanWaitSeconds} -> {h.MeanWaitSeconds} s");
        Assert.True((double)h.Abandoned / h.Offered > 3.0 * l.Abandoned / l.Offered, $"left the queue {l.Abandoned}/{l.Offered} -> {h.Abandoned}/{h.Offered}");
        Assert.True(h.ServiceLevel < l.ServiceLevel - 0.2, $"service level {l.ServiceLevel} -> {h.ServiceLevel}");
    }

    [Fact]
    public void Capacity_TenTimesTheRate_ThrottlingFailoverContextLossFailuresAndRollbacksRise()
    {
        var (low, high) = Runs.Value;
        Assert.Equal(0, low.Providers["omnicx"]["throttled"]);
        Assert.True(high.Providers["omnicx"]["throttled"] > 1_000, $"throttled {high.Providers["omnicx"]["throttled"]}");
        Assert.True(high.Providers["backupcx"]["ok"] > 20 * Math.Max(1, low.Providers["backupcx"]["ok"]), "turns failed over to backupcx");
        Assert.True(high.Context.Losses > 10 * low.Context.Losses, $"context losses {low.Context.Losses} -> {high.Context.Losses}");
        Assert.True(high.Outcomes["failed"] > low.Outcomes["failed"], $"failed {low.Outcomes["failed"]} -> {high.Outcomes["failed"]}");
        Assert.True(high.Rollbacks.Total > low.Rollbacks.Total, $"rollbacks {low.Rollbacks.Total} -> {high.Rollbacks.Total}");
        Assert.Equal(high.Conversations, high.Outcomes.Values.Sum());
    }

    [Fact]
    public void Capacity_TenTimesTheRate_AgentsAndProvidersRunHotterAndTurnsWaitForTheAgent()
    {
        var (low, high) = Runs.Value;
        foreach (var agent in new[] { "support-agent", "tech-agent" })
        {
            var l = low.Agents[agent];
            var h = high.Agents[agent];
            Assert.True(l.PeakUtilisation < 0.5, $"{agent} peak utilisation at rate 2: {l.PeakUtilisation}");
            Assert.True(h.PeakUtilisation > 1, $"{agent} peak utilisation at rate 20: {h.PeakUtilisation} (overloaded)");
            Assert.True(h.WaitedShare > l.WaitedShare + 0.2, $"{agent} answers that waited {l.WaitedShare} -> {h.WaitedShare}");
            Assert.True(h.MeanWaitMs > 100, $"{agent} mean wait {l.MeanWaitMs} -> {h.MeanWaitMs} ms");
        }

        Assert.True(low.ProviderLoad["omnicx"].PeakUtilisation < 0.5, $"omnicx peak utilisation {low.ProviderLoad["omnicx"].PeakUtilisation}");
        Assert.True(high.ProviderLoad["omnicx"].PeakUtilisation > 1, $"omnicx peak utilisation {high.ProviderLoad["omnicx"].PeakUtilisation}");
    }

    private static RunResults Run(double rate)
    {
        var scenario = Presets.Load("capacity");
        scenario.Arrivals.RatePerSecond = rate;
        return PresetRuns.Run(scenario, scenario.Conversations);
    }
}
