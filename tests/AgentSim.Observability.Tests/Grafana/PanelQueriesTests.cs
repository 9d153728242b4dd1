using System.Text.Json;

namespace AgentSim.Observability.Tests.Grafana;

public sealed class PanelQueriesTests
{
    [Theory]
    [InlineData("rate(x[$__rate_interval])", "rate(x[1m])")]
    [InlineData("rate(x[$__interval])", "rate(x[15s])")]
    [InlineData("increase(x[$__range])", "increase(x[1h])")]
    [InlineData("rate(x[${__rate_interval}])", "rate(x[1m])")]
    [InlineData("x{channel=~\"$channel\"}", "x{channel=~\".*\"}")]
    [InlineData("x{channel=~\"${channel}\",provider=~\"${provider:regex}\"}", "x{channel=~\".*\",provider=~\".*\"}")]
    [InlineData("x{agent=~\"[[agent]]\"}", "x{agent=~\".*\"}")]
    [InlineData("sum(up)", "sum(up)")]
    public void Substitute_GrafanaVariables_BecomePrometheusText(string raw, string expected)
    {
        Assert.Equal(expected, PanelQueries.Substitute(raw));
    }

    [Fact]
    public void TemplateVariables_IgnoresBuiltIns()
    {
        var names = PanelQueries.TemplateVariables("rate(x{a=~\"$channel\",b=~\"${provider}\"}[$__rate_interval])");

        Assert.Equal(["channel", "provider"], names);
    }

    [Fact]
    public void FromDashboard_PanelsInCollapsedRows_AreIncluded()
    {
        const string Json = """
            {"panels": [
              {"id": 1, "type": "timeseries", "title": "Top", "targets": [{"refId": "A", "expr": "sum(rate(a[$__rate_interval]))"}]},
              {"id": 2, "type": "row", "title": "Row", "collapsed": true, "panels": [
                {"id": 3, "type": "stat", "title": "Nested", "targets": [{"refId": "A", "expr": "b{c=~\"$channel\"}"}, {"refId": "B", "expr": "d"}]}
              ]}
            ]}
            """;
        using var document = JsonDocument.Parse(Json);

        var queries = PanelQueries.FromDashboard("test.json", document.RootElement);

        Assert.Equal(
            [
                new PanelQuery("test.json", "Top", "A", "sum(rate(a[$__rate_interval]))", "sum(rate(a[1m]))"),
                new PanelQuery("test.json", "Nested", "A", "b{c=~\"$channel\"}", "b{c=~\".*\"}"),
                new PanelQuery("test.json", "Nested", "B", "d", "d"),
            ],
            queries);
    }

    [Fact]
    public void Load_RepositoryDashboards_FindsQueriesInEveryDashboard()
    {
        var queries = PanelQueries.Load(RepoPaths.Dashboards);

        Assert.Equal(
            ["capacity.json", "guardrail-placement.json", "infrastructure-gap.json"],
            queries.Select(q => q.Dashboard).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(queries, q => q.Expr.Contains('$', StringComparison.Ordinal));
    }
}
