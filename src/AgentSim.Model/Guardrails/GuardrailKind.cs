namespace AgentSim.Model.Guardrails;

/// <summary>What a guardrail layer looks for. Wire names in <see cref="GuardrailNames"/>.</summary>
public enum GuardrailKind
{
    /// <summary>PII detection and masking, by entity type (Presidio-style recognizers).</summary>
    Pii,

    /// <summary>Prompt-injection and jailbreak detection.</summary>
    Injection,

    /// <summary>Content safety: hate, sexual, violence, self-harm, with severities.</summary>
    ContentSafety,

    /// <summary>Groundedness / hallucination check of the agent's answer.</summary>
    Groundedness,

    /// <summary>Topic and policy rails (NeMo-style dialog rails).</summary>
    Topic,

    /// <summary>Rate limiting: turns a provider's throttling into queueing delay instead of errors.</summary>
    RateLimit,

    /// <summary>Audit logging: decides whether, and how fast, an incident is detected.</summary>
    Audit,
}
