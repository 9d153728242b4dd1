using AgentSim.Model.Channels;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;

namespace AgentSim.Grains.Checkpoints;

/// <summary>
/// Forwards events to an observer (the silo's metrics) unless muted: a grain replaying checkpointed epochs to catch up
/// mutes it, so what the metrics counted before the loss is not counted twice; its tally sees the replay, as it must.
/// </summary>
internal sealed class GatedObserver(ISimulationObserver inner) : ISimulationObserver
{
    /// <summary>True while events are dropped.</summary>
    public bool Muted { get; set; }

    /// <inheritdoc />
    public void ConversationStarted(Channel channel)
    {
        if (!Muted)
        {
            inner.ConversationStarted(channel);
        }
    }

    /// <inheritdoc />
    public void ConversationEnded(Outcome outcome, Channel channel)
    {
        if (!Muted)
        {
            inner.ConversationEnded(outcome, channel);
        }
    }

    /// <inheritdoc />
    public void ConversationAbandoned(AbandonReason reason, Channel channel)
    {
        if (!Muted)
        {
            inner.ConversationAbandoned(reason, channel);
        }
    }

    /// <inheritdoc />
    public void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros)
    {
        if (!Muted)
        {
            inner.Turn(channel, provider, latencyMicros, guardrailMicros);
        }
    }

    /// <inheritdoc />
    public void ChannelSwitch(Channel from, Channel to)
    {
        if (!Muted)
        {
            inner.ChannelSwitch(from, to);
        }
    }

    /// <inheritdoc />
    public void ContextLoss(Channel from, Channel to, Continuity continuity)
    {
        if (!Muted)
        {
            inner.ContextLoss(from, to, continuity);
        }
    }

    /// <inheritdoc />
    public void CustomerRepeat(Channel channel)
    {
        if (!Muted)
        {
            inner.CustomerRepeat(channel);
        }
    }

    /// <inheritdoc />
    public void GuardrailCheck(int guardrail, CheckResult result, long latencyMicros)
    {
        if (!Muted)
        {
            inner.GuardrailCheck(guardrail, result, latencyMicros);
        }
    }

    /// <inheritdoc />
    public void Incident(IncidentKind kind, Channel channel, bool detected, long detectMicros)
    {
        if (!Muted)
        {
            inner.Incident(kind, channel, detected, detectMicros);
        }
    }

    /// <inheritdoc />
    public void ProviderRequest(int provider, Channel channel, ProviderResult result)
    {
        if (!Muted)
        {
            inner.ProviderRequest(provider, channel, result);
        }
    }

    /// <inheritdoc />
    public void AgentRollback(int agent, RollbackReason reason)
    {
        if (!Muted)
        {
            inner.AgentRollback(agent, reason);
        }
    }

    /// <inheritdoc />
    public void AgentState(int agent, bool rolledBack)
    {
        if (!Muted)
        {
            inner.AgentState(agent, rolledBack);
        }
    }

    /// <inheritdoc />
    public void AgentAnswered(int agent, long answerMicros, long waitMicros)
    {
        if (!Muted)
        {
            inner.AgentAnswered(agent, answerMicros, waitMicros);
        }
    }

    /// <inheritdoc />
    public void AgentLoad(int agent, double busy, double utilisation)
    {
        if (!Muted)
        {
            inner.AgentLoad(agent, busy, utilisation);
        }
    }

    /// <inheritdoc />
    public void ProviderLoad(int provider, double utilisation)
    {
        if (!Muted)
        {
            inner.ProviderLoad(provider, utilisation);
        }
    }

    /// <inheritdoc />
    public void QueueAnswered(int queue, long waitMicros)
    {
        if (!Muted)
        {
            inner.QueueAnswered(queue, waitMicros);
        }
    }

    /// <inheritdoc />
    public void QueueAbandoned(int queue, long waitMicros)
    {
        if (!Muted)
        {
            inner.QueueAbandoned(queue, waitMicros);
        }
    }

    /// <inheritdoc />
    public void QueueState(int queue, int waiting, int busy)
    {
        if (!Muted)
        {
            inner.QueueState(queue, waiting, busy);
        }
    }
}
