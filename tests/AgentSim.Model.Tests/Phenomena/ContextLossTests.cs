using AgentSim.Model.Tests.Engine;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>Phenomenon 1: no native context plus frequent switching → context loss → repeats, abandonment, incidents → rollbacks.</summary>
public class ContextLossTests
{
    [Fact]
    public void NoNativeContext_ComparedWithBaseline_LosesContextAndPaysForIt()
    {
        var baseline = PresetRuns.Of("baseline");
        var split = PresetRuns.Of("no-native-context");

        Assert.True(split.Context.LossRate > 3 * baseline.Context.LossRate, $"loss rate {split.Context.LossRate} vs {baseline.Context.LossRate}");
        Assert.True(split.Context.RepeatRate > 3 * baseline.Context.RepeatRate, $"repeat rate {split.Context.RepeatRate} vs {baseline.Context.RepeatRate}");
        Assert.True(split.OutcomeShares["abandoned"] > baseline.OutcomeShares["abandoned"] + 0.02, $"abandoned {split.OutcomeShares["abandoned"]} vs {baseline.OutcomeShares["abandoned"]}");
        var hallucinations = split.Incidents.ByKind["hallucination"].Total / (double)split.Conversations;
        var baseHallucinations = baseline.Incidents.ByKind["hallucination"].Total / (double)baseline.Conversations;
        // About 100 against 70 hallucinations in 12,000 conversations: Poisson noise alone is about ±12% on each count, and
        // since turn tolerance some customers hang up on a slow line before the turn after a loss, so 1.3× is the margin.
        Assert.True(hallucinations > 1.3 * baseHallucinations, $"hallucinations/conversation {hallucinations} vs {baseHallucinations}");
        Assert.True(split.Rollbacks.Total > baseline.Rollbacks.Total, $"rollbacks {split.Rollbacks.Total} vs {baseline.Rollbacks.Total}");
    }
}
