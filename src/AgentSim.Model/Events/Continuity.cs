namespace AgentSim.Model.Events;

/// <summary>What carries context across a channel switch.</summary>
public enum Continuity
{
    /// <summary>The provider's native cross-channel context.</summary>
    [WireName("native")]
    Native,

    /// <summary>The application team's context store.</summary>
    [WireName("application")]
    Application,

    /// <summary>Nothing: context is lost on every switch.</summary>
    [WireName("none")]
    None,
}
