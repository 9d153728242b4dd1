namespace AgentSim.Model.Guardrails;

/// <summary>What happens to traffic when the guardrail layer itself is unavailable.</summary>
public enum FailMode
{
    /// <summary>Let the message through unchecked.</summary>
    [WireName("open")]
    Open,

    /// <summary>Refuse the message.</summary>
    [WireName("closed")]
    Closed,
}
