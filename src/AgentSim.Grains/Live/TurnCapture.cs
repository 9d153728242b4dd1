using AgentSim.Model.Channels;
using AgentSim.Model.Events;

namespace AgentSim.Grains.Live;

/// <summary>Keeps the latency of the last turn played, so the real-time clock can wait it out before the next step.</summary>
internal sealed class TurnCapture : SimulationObserver
{
    /// <summary>Latency of the last turn, µs of simulated time (0 when the turn failed before it was answered).</summary>
    public long LatencyMicros { get; set; }

    /// <inheritdoc />
    public override void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros) => LatencyMicros = latencyMicros;
}
