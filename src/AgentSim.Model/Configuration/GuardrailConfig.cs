using AgentSim.Model.Channels;
using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Configuration;

/// <summary>One guardrail layer.</summary>
public sealed class GuardrailConfig
{
    /// <summary>Unique name; a metric label value.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the layer looks for.</summary>
    public GuardrailKind Kind { get; set; }

    /// <summary>Platform-native or application-built.</summary>
    public Placement Placement { get; set; }

    /// <summary>Where in the turn it runs.</summary>
    public GuardrailStage Stage { get; set; } = GuardrailStage.Input;

    /// <summary>For platform layers: the provider that runs it. It then covers every channel that provider carries.</summary>
    public string? Provider { get; set; }

    /// <summary>For application layers: channels it was built for (empty = none). Ignored for platform layers.</summary>
    public List<Channel> Channels { get; set; } = [];

    /// <summary>For PII layers: entity types it recognises.</summary>
    public List<PiiEntity> Entities { get; set; } = [];

    /// <summary>Whether it recognises spoken forms ("four one one one", "jane at example dot com").</summary>
    public bool SpokenForms { get; set; }

    /// <summary>Chance a model-based detector misses what it would otherwise catch.</summary>
    public double MissRate { get; set; } = 0.05;

    /// <summary>Chance it fires on a clean message.</summary>
    public double FalsePositiveRate { get; set; } = 0.002;

    /// <summary>
    /// Injection and topic rails: share of injection attempts with the telltale pattern the rail would catch before its miss
    /// rate; null for the kind's default (injection 1.0, topic 0.6).
    /// </summary>
    public double? Recall { get; set; }

    /// <summary>Injection and topic rails: the share of <see cref="Recall"/> left against obfuscated attempts that lack the pattern.</summary>
    public double ObfuscatedRecallFactor { get; set; } = 0.5;

    /// <summary>Content-safety severity threshold (0–7); content at or above it is caught.</summary>
    public int SeverityThreshold { get; set; } = 4;

    /// <summary>What it does when it fires.</summary>
    public OnFailAction OnFail { get; set; } = OnFailAction.Block;

    /// <summary>What happens when the layer itself is down.</summary>
    public FailMode FailMode { get; set; } = FailMode.Open;

    /// <summary>Per-check chance the layer itself errors (then <see cref="FailMode"/> applies).</summary>
    public double ErrorRate { get; set; }

    /// <summary>Random outages of the layer itself.</summary>
    public AvailabilitySpec Availability { get; set; } = new();

    /// <summary>Latency one check adds.</summary>
    public LatencySpec Latency { get; set; } = LatencySpec.Of(10, 60);

    /// <summary>Audit layers: chance an incident is detected.</summary>
    public double DetectionRate { get; set; } = 0.9;

    /// <summary>Audit layers: delay from incident to detection.</summary>
    public LatencySpec DetectionDelay { get; set; } = LatencySpec.Of(120_000, 1_800_000);

    /// <summary>Engineering effort per covered channel, in person-weeks (application layers).</summary>
    public double EngineeringWeeksPerChannel { get; set; } = 3;
}
