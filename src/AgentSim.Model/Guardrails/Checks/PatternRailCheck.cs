using AgentSim.Model.Configuration;
using AgentSim.Model.Customers;
using AgentSim.Model.Events;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>
/// A rail that looks for prompt injection: on the message it catches an attempt with the layer's recall (scaled by
/// <see cref="GuardrailConfig.ObfuscatedRecallFactor"/> when the attempt lacks the telltale pattern) less its miss rate;
/// on the answer it looks for compliance with an injection. Injection and topic rails differ only in recall.
/// </summary>
public abstract class PatternRailCheck(GuardrailConfig config, double recall) : IGuardrailCheck
{
    /// <summary>Share of injection attempts with the telltale pattern that the rail would catch before its miss rate.</summary>
    public double Recall { get; } = recall;

    /// <inheritdoc />
    public bool ChecksInput => true;

    /// <inheritdoc />
    public bool ChecksOutput => true;

    /// <inheritdoc />
    public CheckResult CheckInput(in CheckedTurn turn, ref CustomerMessage message, ref Rng rng)
    {
        if (!message.InjectionLive)
        {
            return OnFail.OnCleanMessage(config, ref message, ref rng);
        }

        var recall = UtteranceWriter.LooksLikeInjection(message.Text) ? Recall : config.ObfuscatedRecallFactor * Recall;
        return rng.Chance(recall * (1 - config.MissRate))
            ? OnFail.OnMessageCatch(config.OnFail, ref message, ref message.InjectionLive)
            : CheckResult.Miss;
    }

    /// <inheritdoc />
    public CheckResult CheckOutput(in CheckedTurn turn, ref AgentAnswer answer, ref Rng rng, ref long latencyMicros)
    {
        var present = answer.Complied && UtteranceWriter.LooksLikeCompliance(answer.Text);
        return OnFail.OnAnswerFinding(present, config, IncidentKind.Injection, ref answer, ref answer.Complied, turn, ref rng, ref latencyMicros);
    }
}
