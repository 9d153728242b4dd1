using System.Text.RegularExpressions;

namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>Holds alerts.yml to its conventions and tests.yml to covering every alert both ways.</summary>
public sealed partial class AlertRulesTests
{
    private static readonly string[] Severities = ["warning", "critical"];

    private static RuleFile Alerts => Yaml.Read<RuleFile>(Path.Combine(RepoPaths.Prometheus, "alerts.yml"));

    private static RuleTestFile RuleTests => Yaml.Read<RuleTestFile>(Path.Combine(RepoPaths.Prometheus, "tests.yml"));

    private static IEnumerable<Rule> AlertingRules => Alerts.Groups.SelectMany(g => g.Rules).Where(r => r.Alert is not null);

    public static TheoryData<string> AlertNames => [.. AlertingRules.Select(r => r.Alert!).Distinct(StringComparer.Ordinal)];

    [Fact]
    public void AlertsYml_DefinesTheExpectedAlerts()
    {
        string[] expected =
        [
            "AgentSimRollbackRateHigh", "AgentSimContextLossRateHigh", "AgentSimUndetectedIncidents",
            "AgentSimProviderErrorRateHigh", "AgentSimProviderThrottling", "AgentSimTurnLatencyP99OverSlo",
            "AgentSimSiloDown",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), AlertNames.Select(row => row.Data).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AlertsYml_EveryAlert_HasForSeveritySummaryAndDescription()
    {
        foreach (var rule in AlertingRules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.For), $"{rule.Alert} has no 'for:'.");
            Assert.True(rule.Labels.TryGetValue("severity", out var severity), $"{rule.Alert} has no severity label.");
            Assert.Contains(severity, Severities);
            Assert.False(string.IsNullOrWhiteSpace(rule.Annotations.GetValueOrDefault("summary")), $"{rule.Alert} has no summary.");
            Assert.False(string.IsNullOrWhiteSpace(rule.Annotations.GetValueOrDefault("description")), $"{rule.Alert} has no description.");
        }
    }

    [Theory]
    [MemberData(nameof(AlertNames))]
    public void TestsYml_Alert_HasFiringAndNotFiringCases(string alert)
    {
        var cases = RuleTests.Tests.SelectMany(t => t.AlertRuleTest).Where(t => t.Alertname == alert).ToList();

        Assert.True(cases.Count > 0, $"tests.yml has no alert_rule_test for {alert}.");
        Assert.True(cases.Any(c => c.ExpAlerts.Count > 0), $"tests.yml never expects {alert} to fire.");
        Assert.True(cases.Any(c => c.ExpAlerts.Count == 0), $"tests.yml never expects {alert} to stay silent.");
    }

    [Fact]
    public void TestsYml_InputSeries_UseOnlyKnownMetrics()
    {
        string[] known =
        [
            "up", "agentsim_conversations_started_total", "agentsim_conversations_ended_total", "agentsim_turns_total",
            "agentsim_channel_switches_total", "agentsim_context_losses_total", "agentsim_customer_repeats_total",
            "agentsim_guardrail_checks_total", "agentsim_incidents_total", "agentsim_agent_rollbacks_total",
            "agentsim_provider_requests_total", "agentsim_turn_latency_seconds_bucket",
            "agentsim_guardrail_latency_seconds_bucket", "agentsim_incident_detection_seconds_bucket",
            "agentsim_conversations_in_flight", "agentsim_agent_rolled_back",
        ];

        foreach (var series in RuleTests.Tests.SelectMany(t => t.InputSeries))
        {
            var name = MetricName().Match(series.Series).Value;
            Assert.True(known.Contains(name), $"tests.yml uses an unknown metric '{name}' in {series.Series}.");
        }
    }

    [Fact]
    public void TestsYml_LoadsAlertsYml()
    {
        Assert.Equal(["alerts.yml"], RuleTests.RuleFiles);
    }

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex MetricName();
}
