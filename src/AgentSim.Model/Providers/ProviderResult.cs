namespace AgentSim.Model.Providers;

/// <summary>Result of one provider request (a metric label).</summary>
public enum ProviderResult
{
    /// <summary>Delivered.</summary>
    Ok,

    /// <summary>The provider returned an error.</summary>
    Error,

    /// <summary>Rejected over quota (HTTP 429).</summary>
    Throttled,

    /// <summary>The provider was down.</summary>
    Unavailable,
}
