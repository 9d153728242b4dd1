namespace AgentSim.Model.Configuration;

/// <summary>An AI agent deployment and its governance.</summary>
public sealed class AgentConfig
{
    /// <summary>Unique name; a metric label value.</summary>
    public string Name { get; set; } = "";

    /// <summary>Intents this agent serves; empty means all.</summary>
    public List<string> Intents { get; set; } = [];

    /// <summary>Behaviour of the deployed version.</summary>
    public AgentBehaviour Behaviour { get; set; } = new();

    /// <summary>Latency of one agent answer.</summary>
    public LatencySpec Latency { get; set; } = LatencySpec.Of(700, 2500);

    /// <summary>Requests the deployment serves at once (model capacity); null = unlimited. Past it, turns queue (docs/model.md).</summary>
    public int? Concurrency { get; set; }

    /// <summary>Governance policy: when to roll back.</summary>
    public GovernanceConfig Governance { get; set; } = new();

    /// <summary>The human queue this agent hands customers to (by name); null for the first queue.</summary>
    public string? Queue { get; set; }
}
