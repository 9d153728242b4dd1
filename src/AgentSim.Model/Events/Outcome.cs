namespace AgentSim.Model.Events;

/// <summary>How a conversation ended. Every started conversation ends in exactly one.</summary>
public enum Outcome
{
    /// <summary>The agent (or its fallback) resolved the customer's intent.</summary>
    [WireName("resolved")]
    Resolved,

    /// <summary>Handed to a human.</summary>
    [WireName("escalated")]
    Escalated,

    /// <summary>The customer gave up.</summary>
    [WireName("abandoned")]
    Abandoned,

    /// <summary>A provider error with no failover ended it.</summary>
    [WireName("failed")]
    Failed,
}
