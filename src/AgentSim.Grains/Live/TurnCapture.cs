using AgentSim.Model.Channels;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;

namespace AgentSim.Grains.Live;

/// <summary>Keeps the latency of the last turn played, so the real-time clock can wait it out before the next step.</summary>
internal sealed class TurnCapture : ISimulationObserver
{
    /// <summary>Latency of the last turn, µs of simulated time (0 when the turn failed before it was answered).</summary>
    public long LatencyMicros { get; set; }

    /// <inheritdoc />
    public void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros) => LatencyMicros = latencyMicros;

    /// <inheritdoc />
    public void ConversationStarted(Channel channel)
    {
    }

    /// <inheritdoc />
    public void ConversationEnded(Outcome outcome, Channel channel)
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

    /// <inheritdoc />
    public void AgentRollback(int agent, RollbackReason reason)
    {
    }

    /// <inheritdoc />
    public void AgentState(int agent, bool rolledBack)
    {
    }
}
