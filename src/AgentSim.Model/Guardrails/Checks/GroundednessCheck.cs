using AgentSim.Model.Configuration;
using AgentSim.Model.Events;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>Groundedness (hallucination) check of the agent's answer; it has nothing to check on the customer's message.</summary>
[ChecksKind(GuardrailKind.Groundedness)]
public sealed class GroundednessCheck(GuardrailConfig config) : IGuardrailCheck
{
    /// <inheritdoc />
    public bool ChecksInput => false;

    /// <inheritdoc />
    public bool ChecksOutput => true;

    /// <inheritdoc />
    public CheckResult CheckInput(in CheckedTurn turn, ref CustomerMessage message, ref Rng rng) => CheckResult.Pass;

    /// <inheritdoc />
    public CheckResult CheckOutput(in CheckedTurn turn, ref AgentAnswer answer, ref Rng rng, ref long latencyMicros) =>
        OnFail.OnAnswerFinding(answer.Hallucinated, config, IncidentKind.Hallucination, ref answer, ref answer.Hallucinated, turn, ref rng, ref latencyMicros);
}
