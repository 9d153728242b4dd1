namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>The alerts expected for one alert name at one evaluation time.</summary>
public sealed class AlertRuleTest
{
    /// <summary>When the rules are evaluated, e.g. <c>20m</c>.</summary>
    public string EvalTime { get; set; } = string.Empty;

    /// <summary>The alert under test.</summary>
    public string Alertname { get; set; } = string.Empty;

    /// <summary>The alerts expected to fire; empty means the alert must not fire.</summary>
    public List<ExpectedAlert> ExpAlerts { get; set; } = [];
}
