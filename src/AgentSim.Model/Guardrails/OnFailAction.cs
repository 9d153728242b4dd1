namespace AgentSim.Model.Guardrails;

/// <summary>What a layer does when its check fires.</summary>
public enum OnFailAction
{
    /// <summary>Drop the message and send a safe fallback.</summary>
    [WireName("block")]
    Block,

    /// <summary>Mask the offending spans and let the rest through (fix).</summary>
    [WireName("mask")]
    Mask,

    /// <summary>Ask the agent to answer again (costs another agent call).</summary>
    [WireName("reask")]
    Reask,

    /// <summary>Hand the conversation to a human.</summary>
    [WireName("escalate")]
    Escalate,

    /// <summary>Only log: the message goes through unchanged.</summary>
    [WireName("log")]
    Log,
}
