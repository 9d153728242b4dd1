using AgentSim.Abstractions.Messages;
using AgentSim.Model.Providers;

namespace AgentSim.Grains.Guardrails;

/// <summary>In-memory state of a guardrail layer grain: its outage process and the last epoch it answered for.</summary>
internal sealed class GuardrailLayerState(RunRequest request, OutageProcess outages)
{
    /// <summary>The run request the grain was started with.</summary>
    public RunRequest Request { get; } = request;

    /// <summary>The layer's random outages.</summary>
    public OutageProcess Outages { get; } = outages;

    /// <summary>Start of the last epoch begun and its answer (the outage draw must happen once per epoch).</summary>
    public (long Start, bool Down)? LastBegin { get; set; }
}
