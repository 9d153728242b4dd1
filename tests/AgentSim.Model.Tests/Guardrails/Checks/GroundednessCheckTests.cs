using AgentSim.Model.Channels;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Guardrails.Checks;
using static AgentSim.Model.Tests.Guardrails.Checks.CheckFixtures;

namespace AgentSim.Model.Tests.Guardrails.Checks;

public class GroundednessCheckTests
{
    [Fact]
    public void ChecksInput_IsFalse_ItHasNothingToCheckOnTheMessage() =>
        Assert.False(GuardrailChecks.Create(Layer(GuardrailKind.Groundedness)).ChecksInput);

    [Fact]
    public void CheckOutput_ReaskOnHallucination_ClearsItAndCostsAnotherAnswer()
    {
        var (result, after, latency) = Output(Layer(GuardrailKind.Groundedness, OnFailAction.Reask), Channel.WebChat, Clean(), new AgentAnswer { Hallucinated = true });
        Assert.Equal((CheckResult.Block, false, false), (result, after.Hallucinated, after.Blocked));
        Assert.InRange(latency, 99_000, 101_000);
    }

    [Fact]
    public void CheckOutput_LogOnHallucination_LetsItThroughAndLogsIt()
    {
        var (result, after, _) = Output(Layer(GuardrailKind.Groundedness, OnFailAction.Log), Channel.WebChat, Clean(), new AgentAnswer { Hallucinated = true });
        Assert.Equal((CheckResult.Miss, true, true), (result, after.Hallucinated, after.Logged(IncidentKind.Hallucination)));
    }

    [Fact]
    public void CheckOutput_EscalateOnFalsePositive_BlocksInsteadOfEscalating()
    {
        var layer = Layer(GuardrailKind.Groundedness, OnFailAction.Escalate);
        layer.FalsePositiveRate = 1;
        var (result, after, _) = Output(layer, Channel.WebChat, Clean(), new AgentAnswer());
        Assert.Equal((CheckResult.FalsePositive, true, false), (result, after.Blocked, after.Escalate));
    }

    [Fact]
    public void CheckOutput_CertainMiss_LetsTheHallucinationThrough()
    {
        var layer = Layer(GuardrailKind.Groundedness);
        layer.MissRate = 1;
        var (result, after, _) = Output(layer, Channel.WebChat, Clean(), new AgentAnswer { Hallucinated = true });
        Assert.Equal((CheckResult.Miss, true, false), (result, after.Hallucinated, after.Blocked));
    }
}
