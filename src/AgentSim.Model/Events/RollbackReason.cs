namespace AgentSim.Model.Events;

/// <summary>Why an agent was rolled back (a metric label).</summary>
public enum RollbackReason
{
    /// <summary>Detected incidents exceeded the budget.</summary>
    [WireName("incidents")]
    Incidents,

    /// <summary>Failed conversations exceeded the budget.</summary>
    [WireName("failures")]
    Failures,
}
