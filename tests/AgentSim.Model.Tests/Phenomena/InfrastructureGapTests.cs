using AgentSim.Model.Experiments;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>
/// Phenomenon 6, as a mechanism: each infrastructure gap, alone and everything else equal, lowers deployment success.
/// (Whether infrastructure out-predicts guardrails across a population is what `agentsim gap` measures and reports.)
/// </summary>
public class InfrastructureGapTests
{
    [Fact]
    public void EveryGapPresent_LowerMeanSuccessThanNone_SameSeed()
    {
        var a = new GapAssumptions { Enterprises = 6, HorizonConversations = 400, Replications = 1 };
        var none = GapExperiment.Run(Presets.Load("baseline"), a with { UnreliableShare = 0, LimitedChannelsShare = 0, NoAiIntegrationShare = 0, CustomContextShare = 0 }, seed: 3, cancellation: TestContext.Current.CancellationToken);
        var all = GapExperiment.Run(Presets.Load("baseline"), a with { UnreliableShare = 1, LimitedChannelsShare = 1, NoAiIntegrationShare = 1, CustomContextShare = 1 }, seed: 3, cancellation: TestContext.Current.CancellationToken);
        Assert.True(all.Estimates.MeanSuccess.Mean < none.Estimates.MeanSuccess.Mean, $"all gaps {all.Estimates.MeanSuccess.Mean} vs none {none.Estimates.MeanSuccess.Mean}");
        Assert.Contains("does not prove", all.Caveat, StringComparison.Ordinal);
    }
}
