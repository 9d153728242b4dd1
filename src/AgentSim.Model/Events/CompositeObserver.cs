using AgentSim.Model.Channels;
using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Events;

/// <summary>Forwards every event to two observers (a shard's tally and the shared metrics recorder).</summary>
public sealed class CompositeObserver(ISimulationObserver first, ISimulationObserver second) : ISimulationObserver
{
    /// <summary>Combines an observer with an optional second one.</summary>
    public static ISimulationObserver Of(ISimulationObserver first, ISimulationObserver? second) =>
        second is null ? first : new CompositeObserver(first, second);

    /// <inheritdoc />
    public void ConversationStarted(Channel channel)
    {
        first.ConversationStarted(channel);
        second.ConversationStarted(channel);
    }

    /// <inheritdoc />
    public void ConversationEnded(Outcome outcome, Channel channel)
    {
        first.ConversationEnded(outcome, channel);
        second.ConversationEnded(outcome, channel);
    }

    /// <inheritdoc />
    public void ConversationAbandoned(AbandonReason reason, Channel channel)
    {
        first.ConversationAbandoned(reason, channel);
        second.ConversationAbandoned(reason, channel);
    }

    /// <inheritdoc />
    public void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros)
    {
        first.Turn(channel, provider, latencyMicros, guardrailMicros);
        second.Turn(channel, provider, latencyMicros, guardrailMicros);
    }

    /// <inheritdoc />
    public void ChannelSwitch(Channel from, Channel to)
    {
        first.ChannelSwitch(from, to);
        second.ChannelSwitch(from, to);
    }

    /// <inheritdoc />
    public void ContextLoss(Channel from, Channel to, Continuity continuity)
    {
        first.ContextLoss(from, to, continuity);
        second.ContextLoss(from, to, continuity);
    }

    /// <inheritdoc />
    public void CustomerRepeat(Channel channel)
    {
        first.CustomerRepeat(channel);
        second.CustomerRepeat(channel);
    }

    /// <inheritdoc />
    public void GuardrailCheck(int guardrail, CheckResult result, long latencyMicros)
    {
        first.GuardrailCheck(guardrail, result, latencyMicros);
        second.GuardrailCheck(guardrail, result, latencyMicros);
    }

    /// <inheritdoc />
    public void Incident(IncidentKind kind, Channel channel, bool detected, long detectMicros)
    {
        first.Incident(kind, channel, detected, detectMicros);
        second.Incident(kind, channel, detected, detectMicros);
    }

    /// <inheritdoc />
    public void ProviderRequest(int provider, Channel channel, ProviderResult result)
    {
        first.ProviderRequest(provider, channel, result);
        second.ProviderRequest(provider, channel, result);
    }

    /// <inheritdoc />
    public void AgentRollback(int agent, RollbackReason reason)
    {
        first.AgentRollback(agent, reason);
        second.AgentRollback(agent, reason);
    }

    /// <inheritdoc />
    public void AgentState(int agent, bool rolledBack)
    {
        first.AgentState(agent, rolledBack);
        second.AgentState(agent, rolledBack);
    }

    /// <inheritdoc />
    public void AgentAnswered(int agent, long answerMicros, long waitMicros)
    {
        first.AgentAnswered(agent, answerMicros, waitMicros);
        second.AgentAnswered(agent, answerMicros, waitMicros);
    }

    /// <inheritdoc />
    public void AgentLoad(int agent, double busy, double utilisation)
    {
        first.AgentLoad(agent, busy, utilisation);
        second.AgentLoad(agent, busy, utilisation);
    }

    /// <inheritdoc />
    public void ProviderLoad(int provider, double utilisation)
    {
        first.ProviderLoad(provider, utilisation);
        second.ProviderLoad(provider, utilisation);
    }

    /// <inheritdoc />
    public void QueueAnswered(int queue, long waitMicros)
    {
        first.QueueAnswered(queue, waitMicros);
        second.QueueAnswered(queue, waitMicros);
    }

    /// <inheritdoc />
    public void QueueAbandoned(int queue, long waitMicros)
    {
        first.QueueAbandoned(queue, waitMicros);
        second.QueueAbandoned(queue, waitMicros);
    }

    /// <inheritdoc />
    public void QueueState(int queue, int waiting, int busy)
    {
        first.QueueState(queue, waiting, busy);
        second.QueueState(queue, waiting, busy);
    }
}
