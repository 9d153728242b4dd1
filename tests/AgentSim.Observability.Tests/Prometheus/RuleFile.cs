namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>A Prometheus rule file (alerts.yml).</summary>
public sealed class RuleFile
{
    /// <summary>The rule groups.</summary>
    public List<RuleGroup> Groups { get; set; } = [];
}
