namespace AgentSim.Model.Guardrails;

/// <summary>Result of one guardrail check (a metric label).</summary>
public enum CheckResult
{
    /// <summary>Nothing found.</summary>
    [WireName("pass")]
    Pass,

    /// <summary>Found something and blocked, re-asked or escalated.</summary>
    [WireName("block")]
    Block,

    /// <summary>Found something and masked it.</summary>
    [WireName("mask")]
    Mask,

    /// <summary>Something was there and the layer did not catch it.</summary>
    [WireName("miss")]
    Miss,

    /// <summary>Fired on a clean message.</summary>
    [WireName("false_positive")]
    FalsePositive,

    /// <summary>The layer itself failed or was down.</summary>
    [WireName("error")]
    Error,

    /// <summary>Audit: the layer detected an incident that reached the customer.</summary>
    [WireName("detect")]
    Detect,
}
