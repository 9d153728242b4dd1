using AgentSim.Model.Channels;

namespace AgentSim.Model.Faults;

/// <summary>A compiled fault: its kind, window in microseconds of simulated time, targets (-1 or null for none) and settings.</summary>
/// <param name="Kind">What goes wrong.</param>
/// <param name="StartMicros">Start of the window.</param>
/// <param name="EndMicros">End of the window (exclusive).</param>
/// <param name="Provider">Provider index it hits, or -1 for every provider.</param>
/// <param name="Guardrail">Guardrail layer index it hits, or -1 for every layer.</param>
/// <param name="Channel">Channel it is limited to, or null for every channel.</param>
/// <param name="ErrorRate">Added error probability per request.</param>
/// <param name="AddedMicros">Added latency per request, before jitter.</param>
/// <param name="Rate">Share of messages in scope it hits.</param>
public readonly record struct FaultWindow(FaultKind Kind, long StartMicros, long EndMicros, int Provider, int Guardrail, Channel? Channel, double ErrorRate, long AddedMicros, double Rate)
{
    /// <summary>Whether the fault is in force at <paramref name="t"/> for a request to this provider, layer and channel (-1/null: any).</summary>
    public bool Hits(FaultKind kind, long t, int provider, int guardrail, Channel? channel) =>
        Kind == kind && t >= StartMicros && t < EndMicros
        && (Provider < 0 || Provider == provider)
        && (Guardrail < 0 || Guardrail == guardrail)
        && (Channel is null || channel is null || Channel == channel);
}
