namespace AgentSim.Model.Guardrails;

/// <summary>Result of one guardrail check (a metric label).</summary>
public enum CheckResult
{
    /// <summary>Nothing found.</summary>
    Pass,

    /// <summary>Found something and blocked, re-asked or escalated.</summary>
    Block,

    /// <summary>Found something and masked it.</summary>
    Mask,

    /// <summary>Something was there and the layer did not catch it.</summary>
    Miss,

    /// <summary>Fired on a clean message.</summary>
    FalsePositive,

    /// <summary>The layer itself failed or was down.</summary>
    Error,

    /// <summary>Audit: the layer detected an incident that reached the customer.</summary>
    Detect,
}
