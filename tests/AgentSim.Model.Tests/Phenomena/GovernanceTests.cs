using AgentSim.Model.Tests.Engine;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>Phenomenon 4: stricter governance → higher rollback rate (the survey's 81% vs 74%).</summary>
public class GovernanceTests
{
    [Fact]
    public void StrictGovernance_ComparedWithBaseline_DetectsMoreAndRollsBackMore()
    {
        var baseline = PresetRuns.Of("baseline");
        var strict = PresetRuns.Of("strict-governance");
        Assert.True(strict.Rollbacks.Total > baseline.Rollbacks.Total + 1, $"rollbacks {strict.Rollbacks.Total} vs {baseline.Rollbacks.Total}");
        var strictShare = strict.Incidents.Detected / (double)Math.Max(1, strict.Incidents.Total);
        var baseShare = baseline.Incidents.Detected / (double)Math.Max(1, baseline.Incidents.Total);
        Assert.True(strictShare > baseShare, $"detected share {strictShare} vs {baseShare}");
    }
}
