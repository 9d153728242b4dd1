using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>
/// What one guardrail kind looks for and does, on the customer's message before the agent and on the agent's answer
/// after it. One instance per layer, chosen once when the layer is built (<see cref="GuardrailChecks.Create"/>). The
/// caller samples the check's latency and handles the layer being down; the check decides what it finds.
/// </summary>
public interface IGuardrailCheck
{
    /// <summary>True when the kind looks at the customer's message (runs in the input, dialog and transport stages).</summary>
    bool ChecksInput { get; }

    /// <summary>True when the kind looks at the agent's answer (runs in the retrieval, tool and output stages).</summary>
    bool ChecksOutput { get; }

    /// <summary>Checks the customer's message; may mask, block or escalate it.</summary>
    CheckResult CheckInput(in CheckedTurn turn, ref CustomerMessage message, ref Rng rng);

    /// <summary>Checks the agent's answer; may mask, block, re-ask (adding to <paramref name="latencyMicros"/>) or escalate.</summary>
    CheckResult CheckOutput(in CheckedTurn turn, ref AgentAnswer answer, ref Rng rng, ref long latencyMicros);
}
