using AgentSim.Model.Channels;
using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Events;

/// <summary>
/// Receives every event of a run as it is simulated. <c>Tallies.RunTally</c> keeps the integer totals
/// behind results.json; the host's metrics recorder turns the same events into OpenTelemetry measurements.
/// Indices refer to <c>Engine.World</c>'s arrays, so label values come only from the scenario's bounded sets.
/// Implementations must be thread-safe when shared by several shards.
/// </summary>
public interface ISimulationObserver
{
    /// <summary>A conversation started on its first channel.</summary>
    void ConversationStarted(Channel channel);

    /// <summary>A conversation ended with an outcome, on the channel it ended on.</summary>
    void ConversationEnded(Outcome outcome, Channel channel);

    /// <summary>A conversation ended abandoned, and why; reported besides <see cref="ConversationEnded"/>.</summary>
    void ConversationAbandoned(AbandonReason reason, Channel channel)
    {
    }

    /// <summary>A turn completed end to end; latencies in microseconds of simulated time, the second the part guardrails added.</summary>
    void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros);

    /// <summary>The customer moved from one channel to another.</summary>
    void ChannelSwitch(Channel from, Channel to);

    /// <summary>Context was lost on a switch; <paramref name="continuity"/> says what was supposed to carry it.</summary>
    void ContextLoss(Channel from, Channel to, Continuity continuity);

    /// <summary>The customer had to repeat themselves.</summary>
    void CustomerRepeat(Channel channel);

    /// <summary>A guardrail layer checked a message.</summary>
    void GuardrailCheck(int guardrail, CheckResult result, long latencyMicros);

    /// <summary>An agent error reached the customer; <paramref name="detectMicros"/> is time to detect (0 when undetected).</summary>
    void Incident(IncidentKind kind, Channel channel, bool detected, long detectMicros);

    /// <summary>A request to a provider finished.</summary>
    void ProviderRequest(int provider, Channel channel, ProviderResult result);

    /// <summary>An agent was rolled back.</summary>
    void AgentRollback(int agent, RollbackReason reason);

    /// <summary>Whether an agent is rolled back during the epoch that is starting; reported once per agent per epoch.</summary>
    void AgentState(int agent, bool rolledBack);

    /// <summary>Agent <paramref name="agent"/> answered a turn in <paramref name="answerMicros"/> after <paramref name="waitMicros"/> in its queue.</summary>
    void AgentAnswered(int agent, long answerMicros, long waitMicros)
    {
    }

    /// <summary>The load in force for the epoch that is starting: an agent's offered load (Erlangs) and utilisation of its concurrency limit.</summary>
    void AgentLoad(int agent, double busy, double utilisation)
    {
    }

    /// <summary>The load in force for the epoch that is starting: a provider's utilisation of its quota.</summary>
    void ProviderLoad(int provider, double utilisation)
    {
    }

    /// <summary>A human answered a customer of queue <paramref name="queue"/> after <paramref name="waitMicros"/> of waiting.</summary>
    void QueueAnswered(int queue, long waitMicros)
    {
    }

    /// <summary>A customer left queue <paramref name="queue"/> after <paramref name="waitMicros"/> of waiting.</summary>
    void QueueAbandoned(int queue, long waitMicros)
    {
    }

    /// <summary>A human queue at an epoch's close: customers still waiting and servers busy.</summary>
    void QueueState(int queue, int waiting, int busy)
    {
    }
}
