namespace AgentSim.Model.Guardrails;

/// <summary>What a guardrail layer looks for. Each value carries its wire name (<see cref="WireNameAttribute"/>).</summary>
public enum GuardrailKind
{
    /// <summary>PII detection and masking, by entity type (Presidio-style recognizers).</summary>
    [WireName("pii")]
    Pii,

    /// <summary>Prompt-injection and jailbreak detection.</summary>
    [WireName("injection")]
    Injection,

    /// <summary>Content safety: hate, sexual, violence, self-harm, with severities.</summary>
    [WireName("content_safety")]
    ContentSafety,

    /// <summary>Groundedness / hallucination check of the agent's answer.</summary>
    [WireName("groundedness")]
    Groundedness,

    /// <summary>Topic and policy rails (NeMo-style dialog rails).</summary>
    [WireName("topic")]
    Topic,

    /// <summary>Rate limiting: turns a provider's throttling into queueing delay instead of errors.</summary>
    [WireName("rate_limit")]
    RateLimit,

    /// <summary>Audit logging: decides whether, and how fast, an incident is detected.</summary>
    [WireName("audit")]
    Audit,
}
