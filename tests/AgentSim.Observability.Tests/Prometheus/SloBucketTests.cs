using System.Globalization;
using System.Text.RegularExpressions;
using AgentSim.Host.Telemetry;

namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>Every threshold a latency alert compares a turn-latency quantile with is a bucket boundary of the histogram.</summary>
public partial class SloBucketTests
{
    [Fact]
    public void AlertsYml_TurnLatencyThresholds_AreBucketBoundaries()
    {
        var alerts = Yaml.Read<RuleFile>(Path.Combine(RepoPaths.Prometheus, "alerts.yml"));
        var thresholds = alerts.Groups.SelectMany(g => g.Rules)
            .Where(r => r.Expr.Contains("agentsim_turn_latency_seconds_bucket", StringComparison.Ordinal))
            .Select(r => Threshold().Match(r.Expr))
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal(2, thresholds.Count);
        Assert.All(thresholds, t => Assert.Contains(t, AgentSimInstruments.TurnLatencyBuckets));
    }

    [GeneratedRegex(@">\s*([0-9.]+)\s*$")]
    private static partial Regex Threshold();
}
