using AgentSim.Model.Agents;
using AgentSim.Model.Configuration;
using AgentSim.Model.Events;

namespace AgentSim.Model.Tests.Agents;

public class AgentGovernorTests
{
    private const long Minute = 60_000_000;

    [Fact]
    public void CloseEpoch_IncidentsOverBudget_RollsBackForTheCooldown()
    {
        var g = new AgentGovernor(new GovernanceConfig { IncidentBudget = 2, WindowMinutes = 60, CooldownMinutes = 30 }, Minute);
        Assert.Null(g.CloseEpoch(Minute, [10, 20], []));
        Assert.Equal(RollbackReason.Incidents, g.CloseEpoch(2 * Minute, [Minute + 5], []));
        Assert.True(g.RolledBackAt(2 * Minute));
        Assert.True(g.RolledBackAt(31 * Minute));
        Assert.False(g.RolledBackAt(32 * Minute));
        Assert.Equal(1, g.Rollbacks);
    }

    [Fact]
    public void CloseEpoch_IncidentsDetectedLater_CountOnlyOnceDetected()
    {
        var g = new AgentGovernor(new GovernanceConfig { IncidentBudget = 1 }, Minute);
        Assert.Null(g.CloseEpoch(Minute, [10, 20 * Minute, 21 * Minute], []));
        Assert.Equal(RollbackReason.Incidents, g.CloseEpoch(21 * Minute, [], []));
    }

    [Fact]
    public void CloseEpoch_IncidentsOutsideWindow_AreForgotten()
    {
        var g = new AgentGovernor(new GovernanceConfig { IncidentBudget = 2, WindowMinutes = 10 }, Minute);
        Assert.Null(g.CloseEpoch(Minute, [1, 2], []));
        Assert.Null(g.CloseEpoch(20 * Minute, [19 * Minute], []));
    }

    [Fact]
    public void CloseEpoch_FailuresOverBudget_RollsBackForFailures()
    {
        var g = new AgentGovernor(new GovernanceConfig { IncidentBudget = 100, FailureBudget = 1 }, Minute);
        Assert.Equal(RollbackReason.Failures, g.CloseEpoch(Minute, [], [1, 2]));
    }

    [Fact]
    public void CloseEpoch_IncidentsMadeBeforeRollbackDetectedLater_DoNotRollBackAgainOnReturn()
    {
        var g = new AgentGovernor(new GovernanceConfig { IncidentBudget = 1, WindowMinutes = 60, CooldownMinutes = 30 }, Minute);
        Assert.Equal(RollbackReason.Incidents, g.CloseEpoch(Minute, [10, 20, 35 * Minute, 36 * Minute], []));
        for (var m = 2; m <= 40; m++)
        {
            Assert.Null(g.CloseEpoch(m * Minute, [], []));
        }

        Assert.Equal(1, g.Rollbacks);
    }
}
