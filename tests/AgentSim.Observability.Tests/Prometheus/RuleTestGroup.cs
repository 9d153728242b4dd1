namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>One promtool test group: input series and the alerts expected from them.</summary>
public sealed class RuleTestGroup
{
    /// <summary>The synthetic series the rules are evaluated over.</summary>
    public List<InputSeries> InputSeries { get; set; } = [];

    /// <summary>The expected alerts at given evaluation times.</summary>
    public List<AlertRuleTest> AlertRuleTest { get; set; } = [];
}
