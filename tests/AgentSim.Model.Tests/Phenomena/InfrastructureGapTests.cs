using AgentSim.Model.Experiments;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>Phenomenon 6: across synthetic enterprises, infrastructure quality correlates with success more than guardrail investment does.</summary>
public class InfrastructureGapTests
{
    [Fact]
    public void GapExperiment_DefaultAssumptions_InfrastructureOutpredictsGuardrails()
    {
        var report = GapExperiment.Run(Presets.Load("baseline"), new GapAssumptions { Enterprises = 100, ConversationsPerEnterprise = 1500 }, seed: 2026);
        Assert.True(report.InfrastructureCorrelation > 0.15, $"r(infrastructure, success) = {report.InfrastructureCorrelation}");
        Assert.True(report.InfrastructureCorrelation > report.GuardrailCorrelation + 0.1, $"r infra {report.InfrastructureCorrelation} vs guardrails {report.GuardrailCorrelation}");
        Assert.Contains("does not prove", report.Caveat, StringComparison.Ordinal);
    }

    [Fact]
    public void GapExperiment_SameSeed_SameEnterprisesAndOutcomes()
    {
        var a = new GapAssumptions { Enterprises = 6, ConversationsPerEnterprise = 150 };
        var x = GapExperiment.Run(Presets.Load("baseline"), a, seed: 1);
        var y = GapExperiment.Run(Presets.Load("baseline"), a, seed: 1);
        Assert.Equal(x.Enterprises, y.Enterprises);
    }
}
