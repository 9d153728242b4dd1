namespace AgentSim.Model.Agents;

/// <summary>An agent error that reached the customer.</summary>
public enum IncidentKind
{
    /// <summary>PII echoed back to the customer unmasked.</summary>
    PiiLeak,

    /// <summary>An ungrounded (made-up) answer.</summary>
    Hallucination,

    /// <summary>The agent complied with a prompt injection.</summary>
    Injection,

    /// <summary>Unsafe or abusive text from the agent.</summary>
    UnsafeContent,
}
