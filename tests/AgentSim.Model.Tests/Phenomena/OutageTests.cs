using AgentSim.Model.Channels;
using AgentSim.Model.Tests.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>Phenomenon 5: a provider outage without failover → failed conversations and rollbacks; with failover far fewer.</summary>
public class OutageTests
{
    [Fact]
    public void ProviderOutage_WithoutFailover_FailsConversationsAndRollsBack_WithFailoverFarFewer()
    {
        var without = PresetRuns.Of("provider-outage");
        var scenario = Presets.Load("provider-outage");
        var backup = scenario.Providers.Single(p => p.Name != scenario.Routing[Channel.WebChat].Primary);
        foreach (var (channel, route) in scenario.Routing)
        {
            if (backup.Channels.Contains(channel))
            {
                route.Failover = backup.Name;
            }
        }

        var with = PresetRuns.Run(scenario);
        Assert.True(without.OutcomeShares["failed"] > 0.05, $"failed share without failover {without.OutcomeShares["failed"]}");
        Assert.True(without.Rollbacks.Total > 0, "an outage without failover should roll an agent back");
        Assert.True(with.Outcomes["failed"] * 3 < without.Outcomes["failed"], $"failed {with.Outcomes["failed"]} with failover vs {without.Outcomes["failed"]}");
        Assert.True(with.Rollbacks.Total < without.Rollbacks.Total, $"rollbacks {with.Rollbacks.Total} with failover vs {without.Rollbacks.Total}");
    }
}
