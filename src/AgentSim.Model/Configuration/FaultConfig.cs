using AgentSim.Model.Channels;
using AgentSim.Model.Faults;

namespace AgentSim.Model.Configuration;

/// <summary>A scripted fault in simulated time.</summary>
public sealed class FaultConfig
{
    /// <summary>What goes wrong.</summary>
    public FaultKind Kind { get; set; }

    /// <summary>Start, in simulated minutes from the run's start.</summary>
    public double StartMinutes { get; set; }

    /// <summary>Duration in simulated minutes.</summary>
    public double DurationMinutes { get; set; }

    /// <summary>Provider it hits (provider faults).</summary>
    public string? Provider { get; set; }

    /// <summary>Guardrail layer it hits (guardrail outage).</summary>
    public string? Guardrail { get; set; }

    /// <summary>Channel it is limited to, or null for every channel.</summary>
    public Channel? Channel { get; set; }

    /// <summary>Provider degradation: added error probability per request.</summary>
    public double ErrorRate { get; set; }

    /// <summary>Provider degradation: added latency in milliseconds (with ±50% jitter).</summary>
    public double AddedLatencyMs { get; set; }

    /// <summary>Message faults (truncation, duplicates, transcription noise): share of messages in scope it hits.</summary>
    public double Rate { get; set; }
}
