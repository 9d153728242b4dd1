using System.Text;

namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>Runs the real promtool over the Prometheus configuration, the alert rules and their unit tests.</summary>
public sealed class PromtoolTests
{
    [Fact]
    public async Task CheckConfig_PrometheusYml_IsValid()
    {
        var result = await ExternalTool.RunAsync(Tools.Promtool, "check", "config", "prometheus/prometheus.yml");

        result.AssertSuccess("promtool check config prometheus/prometheus.yml");
    }

    [Fact]
    public async Task CheckRules_AlertsYml_IsValid()
    {
        var result = await ExternalTool.RunAsync(Tools.Promtool, "check", "rules", "prometheus/alerts.yml");

        result.AssertSuccess("promtool check rules prometheus/alerts.yml");
    }

    [Fact]
    public async Task TestRules_TestsYml_AllPass()
    {
        var result = await ExternalTool.RunAsync(Tools.Promtool, "test", "rules", "prometheus/tests.yml");

        result.AssertSuccess("promtool test rules prometheus/tests.yml");
    }

    [Fact]
    public async Task CheckRules_EveryDashboardQuery_ParsesAsPromQl()
    {
        // Panel queries and annotation queries (the faults marked on every dashboard) alike.
        IReadOnlyList<PanelQuery> queries = [.. PanelQueries.Load(RepoPaths.Dashboards), .. PanelQueries.LoadAnnotations(RepoPaths.Dashboards)];
        Assert.NotEmpty(queries);

        // promtool has no "parse this expression" command, so each query becomes a recording rule.
        var rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        for (var i = 0; i < queries.Count; i++)
        {
            rules.Append("      # ").Append(queries[i]).Append('\n');
            rules.Append("      - record: dashboard:query").Append(i).Append('\n');
            rules.Append("        expr: '").Append(queries[i].Expr.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        }

        var file = Path.Combine(Path.GetTempPath(), $"agentsim-dashboard-queries-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(file, rules.ToString(), TestContext.Current.CancellationToken);
        try
        {
            var result = await ExternalTool.RunAsync(Tools.Promtool, "check", "rules", file);

            var index = string.Join(Environment.NewLine, queries.Select((q, i) => $"  dashboard:query{i} = {q}"));
            result.AssertSuccess($"promtool check rules over the dashboard queries{Environment.NewLine}{index}{Environment.NewLine}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
