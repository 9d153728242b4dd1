namespace AgentSim.Model.Guardrails;

/// <summary>Who provides a guardrail layer. Defense in depth is one layer of each placement for the same kind.</summary>
public enum Placement
{
    /// <summary>Native to the communications provider: covers every channel that provider carries.</summary>
    [WireName("platform")]
    Platform,

    /// <summary>Built by the application team: covers only the channels and entity types it was built for.</summary>
    [WireName("application")]
    Application,
}
