using AgentSim.Model.Configuration;
using AgentSim.Model.Events;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>What a layer's on-fail action does once its check has fired: every action of every kind is carried out here.</summary>
public static class OnFail
{
    /// <summary>Acts on a finding in the customer's message; <paramref name="masks"/> says whether the kind can mask (PII) or only block.</summary>
    public static CheckResult OnMessage(OnFailAction action, ref CustomerMessage message, bool masks)
    {
        switch (action)
        {
            case OnFailAction.Block:
            case OnFailAction.Reask:
                message.Blocked = true;
                return CheckResult.Block;
            case OnFailAction.Escalate:
                message.Escalate = true;
                return CheckResult.Block;
            case OnFailAction.Log:
                return CheckResult.Miss;
            default:
                return masks ? CheckResult.Mask : CheckResult.Block;
        }
    }

    /// <summary>A threat the check caught in the customer's message: it is no longer <paramref name="live"/> and the action applies (block, escalate or log).</summary>
    public static CheckResult OnMessageCatch(OnFailAction action, ref CustomerMessage message, ref bool live)
    {
        live = false;
        return OnMessage(action, ref message, masks: false);
    }

    /// <summary>A message with nothing for the check to find: refused when the layer fires falsely.</summary>
    public static CheckResult OnCleanMessage(GuardrailConfig config, ref CustomerMessage message, ref Rng rng)
    {
        if (!rng.Chance(config.FalsePositiveRate))
        {
            return CheckResult.Pass;
        }

        message.Blocked = true;
        return CheckResult.FalsePositive;
    }

    /// <summary>Carries out an action on the agent's answer: block it, re-ask the agent (one more answer's latency) or escalate; mask and log change nothing here.</summary>
    public static void OnAnswer(OnFailAction action, ref AgentAnswer answer, in CheckedTurn turn, ref Rng rng, ref long latencyMicros)
    {
        switch (action)
        {
            case OnFailAction.Block:
                answer.Blocked = true;
                break;
            case OnFailAction.Reask:
                latencyMicros += turn.AgentLatency.SampleMicros(ref rng);
                break;
            case OnFailAction.Escalate:
                answer.Escalate = true;
                break;
        }
    }

    /// <summary>
    /// The common shape of an answer check: when the error is <paramref name="present"/> the layer catches it unless its
    /// model misses; a log-only layer logs it and lets it through; otherwise the error is cleared and the action applies.
    /// On a clean answer the layer may fire falsely (an escalation then blocks instead).
    /// </summary>
    public static CheckResult OnAnswerFinding(bool present, GuardrailConfig config, IncidentKind kind, ref AgentAnswer answer, ref bool error, in CheckedTurn turn, ref Rng rng, ref long latencyMicros)
    {
        if (present)
        {
            if (rng.Chance(config.MissRate))
            {
                return CheckResult.Miss;
            }

            if (config.OnFail == OnFailAction.Log)
            {
                answer.Log(kind);
                return CheckResult.Miss;
            }

            error = false;
            OnAnswer(config.OnFail, ref answer, turn, ref rng, ref latencyMicros);
            return config.OnFail == OnFailAction.Mask ? CheckResult.Mask : CheckResult.Block;
        }

        if (rng.Chance(config.FalsePositiveRate))
        {
            OnAnswer(config.OnFail == OnFailAction.Escalate ? OnFailAction.Block : config.OnFail, ref answer, turn, ref rng, ref latencyMicros);
            return CheckResult.FalsePositive;
        }

        return CheckResult.Pass;
    }
}
