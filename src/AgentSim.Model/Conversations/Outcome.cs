namespace AgentSim.Model.Conversations;

/// <summary>How a conversation ended. Every started conversation ends in exactly one.</summary>
public enum Outcome
{
    /// <summary>The agent (or its fallback) resolved the customer's intent.</summary>
    Resolved,

    /// <summary>Handed to a human.</summary>
    Escalated,

    /// <summary>The customer gave up.</summary>
    Abandoned,

    /// <summary>A provider error with no failover ended it.</summary>
    Failed,
}
