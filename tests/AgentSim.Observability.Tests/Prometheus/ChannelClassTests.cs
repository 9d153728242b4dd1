using System.Text.RegularExpressions;
using AgentSim.Model;
using AgentSim.Model.Channels;

namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>The latency alerts split channels into synchronous and asynchronous exactly as <see cref="ChannelInfo.IsSynchronous"/> does.</summary>
public partial class ChannelClassTests
{
    [Theory]
    [InlineData("synchronous", true)]
    [InlineData("asynchronous", false)]
    public void AlertsYml_LatencySloChannelRegex_MatchesTheModelsChannelClass(string slo, bool synchronous)
    {
        var alerts = Yaml.Read<RuleFile>(Path.Combine(RepoPaths.Prometheus, "alerts.yml"));
        var rule = Assert.Single(alerts.Groups.SelectMany(g => g.Rules), r => r.Labels.GetValueOrDefault("slo") == slo);
        var match = ChannelMatcher().Match(rule.Expr);
        Assert.True(match.Success, $"the {slo} latency alert has no channel=~\"...\" matcher: {rule.Expr}");

        var inAlert = match.Groups[1].Value.Split('|').Order(StringComparer.Ordinal);
        var inModel = ChannelInfo.All.Where(c => c.IsSynchronous() == synchronous).Select(c => c.Name()).Order(StringComparer.Ordinal);
        Assert.Equal(inModel, inAlert);
    }

    [GeneratedRegex("channel=~\"([a-z_|]+)\"")]
    private static partial Regex ChannelMatcher();
}
