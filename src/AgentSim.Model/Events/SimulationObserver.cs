using AgentSim.Model.Channels;
using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Events;

/// <summary>An observer that ignores every event: derive from it and override the events you want.</summary>
public abstract class SimulationObserver : ISimulationObserver
{
    /// <inheritdoc />
    public virtual void ConversationStarted(Channel channel)
    {
    }

    /// <inheritdoc />
    public virtual void ConversationEnded(Outcome outcome, Channel channel)
    {
    }

    /// <inheritdoc />
    public virtual void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros)
    {
    }

    /// <inheritdoc />
    public virtual void ChannelSwitch(Channel from, Channel to)
    {
    }

    /// <inheritdoc />
    public virtual void ContextLoss(Channel from, Channel to, Continuity continuity)
    {
    }

    /// <inheritdoc />
    public virtual void CustomerRepeat(Channel channel)
    {
    }

    /// <inheritdoc />
    public virtual void GuardrailCheck(int guardrail, CheckResult result, long latencyMicros)
    {
    }

    /// <inheritdoc />
    public virtual void Incident(IncidentKind kind, Channel channel, bool detected, long detectMicros)
    {
    }

    /// <inheritdoc />
    public virtual void ProviderRequest(int provider, Channel channel, ProviderResult result)
    {
    }

    /// <inheritdoc />
    public virtual void AgentRollback(int agent, RollbackReason reason)
    {
    }

    /// <inheritdoc />
    public virtual void AgentState(int agent, bool rolledBack)
    {
    }
}
