namespace AgentSim.Observability.Tests.Live;

/// <summary>The dashboards' queries against a real Prometheus scraping a real silo that generates traffic.</summary>
[Collection(nameof(LiveStackCollection))]
public sealed class LiveDashboardTests(LiveStackFixture stack)
{
    [Fact]
    public async Task EveryPanelQuery_OfEveryDashboard_ReturnsData()
    {
        Assert.NotEmpty(stack.Queries);

        var missing = await stack.MissingAsync(TestContext.Current.CancellationToken);

        Assert.True(
            missing.Count == 0,
            $"{missing.Count} of {stack.Queries.Count} panel queries returned no finite value after {stack.WaitedForData.TotalSeconds:F0} s of scraping:{Environment.NewLine}"
            + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public async Task EveryLabelValuesVariable_ReturnsValues()
    {
        var variables = TemplateVariable.Load(RepoPaths.Dashboards);
        Assert.NotEmpty(variables);

        var empty = new List<string>();
        foreach (var variable in variables)
        {
            var values = await stack.Api.LabelValuesAsync(variable.Metric, variable.Label, TestContext.Current.CancellationToken);
            if (values.Count == 0)
            {
                empty.Add(variable.ToString());
            }
        }

        Assert.True(empty.Count == 0, $"template variables without values:{Environment.NewLine}{string.Join(Environment.NewLine, empty)}");
    }

    [Fact]
    public async Task Silo_ServesHealthAndDashboard()
    {
        using var http = new HttpClient { BaseAddress = stack.Silo.BaseUri };
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal("Healthy", await http.GetStringAsync("health/live", ct));
        Assert.Equal("Healthy", await http.GetStringAsync("health/ready", ct));
        using var dashboard = await http.GetAsync("dashboard/", ct);
        Assert.True(dashboard.IsSuccessStatusCode, $"/dashboard/ answered {(int)dashboard.StatusCode}");
        Assert.Contains("<html", await dashboard.Content.ReadAsStringAsync(ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Prometheus_ScrapesTheSilo_TargetUp()
    {
        var up = await stack.Api.QueryAsync("up{job=\"agentsim\"} == 1", TestContext.Current.CancellationToken);

        Assert.True(up.HasData, $"the agentsim target is not up: {up}{Environment.NewLine}{stack.Prometheus.Output}");
    }

    [Fact]
    public async Task Prometheus_ScrapesTheLoadDriver_TargetUpAndLoading()
    {
        var ct = TestContext.Current.CancellationToken;

        var up = await stack.Api.QueryAsync("up{job=\"agentsim-load\"} == 1", ct);
        var sent = await stack.Api.QueryAsync("sum(agentsim_load_sent_total{target=\"http\"}) > 0", ct);

        Assert.Null(stack.Driver.ExitCode);
        Assert.True(up.HasData, $"the agentsim-load target is not up: {up}{Environment.NewLine}{stack.Prometheus.Output}{Environment.NewLine}{stack.Driver.Output}");
        Assert.True(sent.HasData, $"the driver sent nothing: {sent}{Environment.NewLine}{stack.Driver.Output}");
    }
}
