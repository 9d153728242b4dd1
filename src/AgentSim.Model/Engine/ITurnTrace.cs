using AgentSim.Model.Text;

namespace AgentSim.Model.Engine;

/// <summary>Receives the text side of each turn, for transcripts; the events side comes through <see cref="Events.ISimulationObserver"/>.</summary>
public interface ITurnTrace
{
    /// <summary>A turn starts at <paramref name="atMicros"/> of simulated time.</summary>
    void TurnStarted(long atMicros);

    /// <summary>The customer's turn as sent, the text the agent saw after the input guardrails, and what the agent's answer carried (empty for an ordinary answer).</summary>
    void TurnText(Utterance customer, string agentSaw, string answer);
}
