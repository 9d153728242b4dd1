using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Customers;
using AgentSim.Model.Guardrails.Checks;
using AgentSim.Model.Randomness;
using AgentSim.Model.Text;

namespace AgentSim.Model.Agents;

/// <summary>
/// The agent's answer to a message the layers let through, with its errors: made up (more often without the facts:
/// context lost or a spoiled message), echoing PII it can still see, complying with an injection that reached it, or
/// unsafe (more often after abuse reached it). A blocked message gets an empty answer and no draws.
/// </summary>
public static class AgentAnswers
{
    /// <summary>Writes the answer of an agent version with <paramref name="behaviour"/> to <paramref name="message"/>.</summary>
    public static AgentAnswer Write(AgentBehaviour behaviour, Utterance u, CustomerMessage message, Channel channel, bool withoutFacts, ref Rng rng)
    {
        var answer = new AgentAnswer();
        if (message.Blocked)
        {
            return answer;
        }

        answer.Hallucinated = rng.Chance(behaviour.HallucinationRate * (withoutFacts ? behaviour.ContextLossHallucinationMultiplier : 1));
        if (u.Entity is { } entity && Fingerprints.Visible(message.Text, u.EntityFingerprint) && rng.Chance(behaviour.PiiEchoRate))
        {
            answer.EchoEntity = entity;
            answer.Text = UtteranceWriter.WriteEcho(entity, u.EntityValue, channel);
        }

        answer.Complied = message.InjectionLive && rng.Chance(behaviour.InjectionComplyRate);
        if (answer.Complied)
        {
            answer.Text += " " + UtteranceWriter.InjectionCompliance;
        }

        answer.UnsafeSeverity = rng.Chance(behaviour.UnsafeRate * (message.AbuseLive ? behaviour.UnsafeAfterAbuseMultiplier : 1)) ? rng.NextInclusive(2, 7) : 0;
        return answer;
    }
}
