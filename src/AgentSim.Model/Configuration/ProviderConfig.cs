using AgentSim.Model.Channels;
using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Configuration;

/// <summary>A communications provider (CPaaS) and its reliability profile.</summary>
public sealed class ProviderConfig
{
    /// <summary>Unique name; a metric label value.</summary>
    public string Name { get; set; } = "";

    /// <summary>Channels this provider carries.</summary>
    public List<Channel> Channels { get; set; } = [];

    /// <summary>Whether the provider hands context across its own channels natively.</summary>
    public bool NativeContext { get; set; }

    /// <summary>Whether it integrates with AI platforms; if not, the team's connector adds latency and failures.</summary>
    public bool AiIntegration { get; set; } = true;

    /// <summary>Extra latency of the team-built connector when <see cref="AiIntegration"/> is false.</summary>
    public LatencySpec ConnectorLatency { get; set; } = LatencySpec.Of(120, 900);

    /// <summary>Extra per-request failure probability of the team-built connector.</summary>
    public double ConnectorErrorRate { get; set; } = 0.01;

    /// <summary>Per-request error probability.</summary>
    public double ErrorRate { get; set; } = 0.001;

    /// <summary>Default per-request latency.</summary>
    public LatencySpec Latency { get; set; } = LatencySpec.Of(80, 400);

    /// <summary>Per-channel latency overrides.</summary>
    public Dictionary<Channel, LatencySpec> ChannelLatency { get; set; } = [];

    /// <summary>Random outages.</summary>
    public AvailabilitySpec Availability { get; set; } = new();

    /// <summary>Requests per simulated second before throttling (0 = unlimited).</summary>
    public double QuotaPerSecond { get; set; }

    /// <summary>Guardrail kinds this provider can run natively (a platform layer must name one of these).</summary>
    public List<GuardrailKind> NativeGuardrails { get; set; } = [];

    /// <summary>Whether the provider offers a guardrail kind natively (a platform layer of that kind can run there).</summary>
    public bool Offers(GuardrailKind kind) => NativeGuardrails.Contains(kind);
}
