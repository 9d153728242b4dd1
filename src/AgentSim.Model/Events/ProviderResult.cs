namespace AgentSim.Model.Events;

/// <summary>Result of one provider request (a metric label).</summary>
public enum ProviderResult
{
    /// <summary>Delivered.</summary>
    [WireName("ok")]
    Ok,

    /// <summary>The provider returned an error.</summary>
    [WireName("error")]
    Error,

    /// <summary>Rejected over quota (HTTP 429).</summary>
    [WireName("throttled")]
    Throttled,

    /// <summary>The provider was down.</summary>
    [WireName("unavailable")]
    Unavailable,
}
