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
        Assert.Null(g.CloseEpoch(Minute, [10, 20], [], 0));
        Assert.Equal(RollbackReason.Incidents, g.CloseEpoch(2 * Minute, [Minute + 5], [], 0));
        Assert.True(g.RolledBackAt(2 * Minute));
        Assert.True(g.RolledBackAt(31 * Minute));
        Assert.False(g.RolledBackAt(32 * Minute));
        Assert.Equal(1, g.Rollbacks);
    }

    [Fact]
    public void CloseEpoch_IncidentsDetectedLater_CountOnlyOnceDetected()
    {
        var g = new AgentGovernor(new GovernanceConfig { IncidentBudget = 1 }, Minute);
        Assert.Null(g.CloseEpoch(Minute, [10, 20 * Minute, 21 * Minute], [], 0));
        Assert.Equal(RollbackReason.Incidents, g.CloseEpoch(21 * Minute, [], [], 0));
    }

    [Fact]
    public void CloseEpoch_IncidentsOutsideWindow_AreForgotten()
    {
        var g = new AgentGovernor(new GovernanceConfig { IncidentBudget = 2, WindowMinutes = 10 }, Minute);
        Assert.Null(g.CloseEpoch(Minute, [1, 2], [], 0));
        Assert.Null(g.CloseEpoch(20 * Minute, [19 * Minute], [], 0));
    }

    [Fact]
    public void CloseEpoch_FailuresOverBudget_RollsBackForFailures()
    {
        var g = new AgentGovernor(new GovernanceConfig { IncidentBudget = 100, FailureBudget = 1 }, Minute);
        Assert.Equal(RollbackReason.Failures, g.CloseEpoch(Minute, [], [1, 2], 0));
    }

    [Fact]
    public void HumanAccept_DemandOverCapacity_SharesCapacity()
    {
        var g = new AgentGovernor(new GovernanceConfig { HumanCapacityPerHour = 60 }, Minute);
        g.CloseEpoch(Minute, [], [], 4);
        Assert.Equal(0.25, g.HumanAccept, 6);
        g.CloseEpoch(2 * Minute, [], [], 1);
        Assert.Equal(1.0, g.HumanAccept, 6);
    }
}
