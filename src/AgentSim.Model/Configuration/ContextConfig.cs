namespace AgentSim.Model.Configuration;

/// <summary>How customer context survives a channel switch.</summary>
public sealed class ContextConfig
{
    /// <summary>Success rate of a provider's native cross-channel handoff.</summary>
    public double NativeSuccessRate { get; set; } = 0.99;

    /// <summary>The application-built context store, or null when the team built none.</summary>
    public ContextStoreConfig? Store { get; set; }
}
