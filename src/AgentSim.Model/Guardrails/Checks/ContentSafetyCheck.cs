using AgentSim.Model.Configuration;
using AgentSim.Model.Events;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>Content safety (hate, sexual, violence, self-harm): catches text at or above the layer's severity threshold, less its miss rate.</summary>
[ChecksKind(GuardrailKind.ContentSafety)]
public sealed class ContentSafetyCheck(GuardrailConfig config) : IGuardrailCheck
{
    /// <inheritdoc />
    public bool ChecksInput => true;

    /// <inheritdoc />
    public bool ChecksOutput => true;

    /// <inheritdoc />
    public CheckResult CheckInput(in CheckedTurn turn, ref CustomerMessage message, ref Rng rng)
    {
        if (!message.AbuseLive)
        {
            return OnFail.OnCleanMessage(config, ref message, ref rng);
        }

        return turn.Utterance.AbuseSeverity >= config.SeverityThreshold && !rng.Chance(config.MissRate)
            ? OnFail.OnMessageCatch(config.OnFail, ref message, ref message.AbuseLive)
            : CheckResult.Miss;
    }

    /// <inheritdoc />
    public CheckResult CheckOutput(in CheckedTurn turn, ref AgentAnswer answer, ref Rng rng, ref long latencyMicros)
    {
        var present = answer.UnsafeSeverity >= config.SeverityThreshold;
        var unsafeText = answer.UnsafeSeverity > 0;
        var result = OnFail.OnAnswerFinding(present, config, IncidentKind.UnsafeContent, ref answer, ref unsafeText, turn, ref rng, ref latencyMicros);
        if (!unsafeText)
        {
            answer.UnsafeSeverity = 0;
        }
        else if (!present && result == CheckResult.Pass)
        {
            // Unsafe text below the threshold went through unnoticed.
            result = CheckResult.Miss;
        }

        return result;
    }
}
