namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>A group of rules evaluated together.</summary>
public sealed class RuleGroup
{
    /// <summary>The group's name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The group's alerting and recording rules.</summary>
    public List<Rule> Rules { get; set; } = [];
}
