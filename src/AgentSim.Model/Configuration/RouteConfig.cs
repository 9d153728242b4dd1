namespace AgentSim.Model.Configuration;

/// <summary>Which provider carries a channel, and which takes over when it fails.</summary>
public sealed class RouteConfig
{
    /// <summary>Primary provider name.</summary>
    public string Primary { get; set; } = "";

    /// <summary>Failover provider name, or null for none.</summary>
    public string? Failover { get; set; }
}
