namespace AgentSim.Model.Events;

/// <summary>An agent error that reached the customer.</summary>
public enum IncidentKind
{
    /// <summary>PII echoed back to the customer unmasked.</summary>
    [WireName("pii_leak")]
    PiiLeak,

    /// <summary>An ungrounded (made-up) answer.</summary>
    [WireName("hallucination")]
    Hallucination,

    /// <summary>The agent complied with a prompt injection.</summary>
    [WireName("injection")]
    Injection,

    /// <summary>Unsafe or abusive text from the agent.</summary>
    [WireName("unsafe_content")]
    UnsafeContent,
}
