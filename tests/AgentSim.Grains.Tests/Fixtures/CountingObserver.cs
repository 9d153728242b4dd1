using AgentSim.Model.Channels;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;

namespace AgentSim.Grains.Tests.Fixtures;

/// <summary>A thread-safe observer that counts starts, ends and rollbacks.</summary>
public sealed class CountingObserver : ISimulationObserver
{
    private long _started;
    private long _ended;
    private long _rollbacks;

    /// <summary>Conversations started.</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Conversations ended.</summary>
    public long Ended => Interlocked.Read(ref _ended);

    /// <summary>Agent rollbacks.</summary>
    public long Rollbacks => Interlocked.Read(ref _rollbacks);

    /// <inheritdoc />
    public void ConversationStarted(Channel channel) => Interlocked.Increment(ref _started);

    /// <inheritdoc />
    public void ConversationEnded(Outcome outcome, Channel channel) => Interlocked.Increment(ref _ended);

    /// <inheritdoc />
    public void AgentRollback(int agent, RollbackReason reason) => Interlocked.Increment(ref _rollbacks);

    /// <inheritdoc />
    public void AgentState(int agent, bool rolledBack)
    {
    }

    /// <inheritdoc />
    public void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros)
    {
    }

    /// <inheritdoc />
    public void ChannelSwitch(Channel from, Channel to)
    {
    }

    /// <inheritdoc />
    public void ContextLoss(Channel from, Channel to, Continuity continuity)
    {
    }

    /// <inheritdoc />
    public void CustomerRepeat(Channel channel)
    {
    }

    /// <inheritdoc />
    public void GuardrailCheck(int guardrail, CheckResult result, long latencyMicros)
    {
    }

    /// <inheritdoc />
    public void Incident(IncidentKind kind, Channel channel, bool detected, long detectMicros)
    {
    }

    /// <inheritdoc />
    public void ProviderRequest(int provider, Channel channel, ProviderResult result)
    {
    }
}
