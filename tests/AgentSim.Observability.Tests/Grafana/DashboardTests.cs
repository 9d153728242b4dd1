using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentSim.Observability.Tests.Grafana;

/// <summary>Checks every dashboard under grafana/dashboards without a Grafana server.</summary>
public sealed partial class DashboardTests
{
    private static readonly string[] ExpectedDashboards = ["capacity.json", "guardrail-placement.json", "infrastructure-gap.json"];

    public static TheoryData<string> DashboardFiles =>
        [.. Directory.EnumerateFiles(RepoPaths.Dashboards, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static string DatasourceUid
    {
        get
        {
            var datasource = Assert.Single(Yaml.Read<DatasourceFile>(RepoPaths.DatasourceFile).Datasources);
            Assert.Equal("prometheus", datasource.Type);
            Assert.False(string.IsNullOrWhiteSpace(datasource.Uid));
            return datasource.Uid;
        }
    }

    [Fact]
    public void Dashboards_AllExpectedFilesExist()
    {
        Assert.Equal(ExpectedDashboards, DashboardFiles.Select(row => row.Data));
    }

    [Fact]
    public void Dashboards_UidsAndTitles_AreUnique()
    {
        var dashboards = ExpectedDashboards.Select(Load).ToList();

        Assert.Distinct(dashboards.Select(d => d.GetProperty("uid").GetString()));
        Assert.Distinct(dashboards.Select(d => d.GetProperty("title").GetString()));
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_PanelIds_AreUnique(string file)
    {
        var ids = PanelQueries.AllPanels(Load(file)).Select(p => p.GetProperty("id").GetInt32()).ToList();

        Assert.NotEmpty(ids);
        Assert.Distinct(ids);
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_EveryPanel_HasTargetsOnTheProvisionedDatasource(string file)
    {
        var uid = DatasourceUid;
        foreach (var panel in DataPanels(Load(file)))
        {
            var title = panel.GetProperty("title").GetString();
            Assert.Equal(uid, DatasourceUidOf(panel, $"{file} / {title}"));

            var targets = panel.TryGetProperty("targets", out var t) ? t.EnumerateArray().ToList() : [];
            Assert.True(targets.Count > 0, $"{file} / {title} has no targets.");
            foreach (var target in targets)
            {
                Assert.Equal(uid, DatasourceUidOf(target, $"{file} / {title} / {target.GetProperty("refId")}"));
                var expr = target.TryGetProperty("expr", out var e) ? e.GetString() : null;
                Assert.False(string.IsNullOrWhiteSpace(expr), $"{file} / {title} has a target with an empty expr.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_EveryPanel_HasUnitAndDescription(string file)
    {
        foreach (var panel in DataPanels(Load(file)))
        {
            var title = panel.GetProperty("title").GetString();
            Assert.False(string.IsNullOrWhiteSpace(panel.GetProperty("description").GetString()), $"{file} / {title} has no description.");
            var unit = panel.GetProperty("fieldConfig").GetProperty("defaults").TryGetProperty("unit", out var u) ? u.GetString() : null;
            Assert.False(string.IsNullOrWhiteSpace(unit), $"{file} / {title} has no unit.");
        }
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_RateFunctions_UseRateInterval(string file)
    {
        foreach (var query in PanelQueries.FromDashboard(file, Load(file)))
        {
            foreach (Match range in RateRange().Matches(query.RawExpr))
            {
                Assert.True(range.Groups["range"].Value == "$__rate_interval", $"{query} uses [{range.Groups["range"].Value}] instead of [$__rate_interval].");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_TemplateVariables_AreDefinedOnTheDatasourceAndUsedWithRegexMatch(string file)
    {
        var dashboard = Load(file);
        var uid = DatasourceUid;
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in dashboard.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            var name = variable.GetProperty("name").GetString()!;
            defined.Add(name);
            Assert.Equal(uid, DatasourceUidOf(variable, $"{file} / ${name}"));
            Assert.StartsWith("label_values(", variable.GetProperty("query").GetProperty("query").GetString(), StringComparison.Ordinal);
        }

        foreach (var query in PanelQueries.FromDashboard(file, dashboard))
        {
            foreach (var name in PanelQueries.TemplateVariables(query.RawExpr))
            {
                Assert.True(defined.Contains(name), $"{query} uses ${name}, which the dashboard does not define.");
            }

            // A multi-value variable expands to a|b|c, which only a regex matcher (=~) accepts.
            foreach (Match use in VariableMatcher().Matches(query.RawExpr))
            {
                Assert.True(use.Groups["op"].Value == "=~", $"{query} uses a variable with '{use.Groups["op"].Value}' instead of '=~'.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_MarksFaultsAsAnnotations_FromTheFaultsGaugeByKindAndScope(string file)
    {
        var dashboard = Load(file);
        var faults = Assert.Single(
            dashboard.GetProperty("annotations").GetProperty("list").EnumerateArray(),
            a => a.TryGetProperty("expr", out var e) && e.GetString()!.Contains("agentsim_faults_active", StringComparison.Ordinal));
        Assert.Equal(DatasourceUid, DatasourceUidOf(faults, $"{file} / annotation Faults"));
        Assert.True(faults.GetProperty("enable").GetBoolean(), $"{file}: the faults annotation is off by default");
        Assert.Equal("max by (kind, scope) (agentsim_faults_active) > 0", faults.GetProperty("expr").GetString());
        Assert.Equal("kind,scope", faults.GetProperty("tagKeys").GetString());
        Assert.Contains("{{scope}}", faults.GetProperty("textFormat").GetString(), StringComparison.Ordinal);
        Assert.Single(PanelQueries.AnnotationsOf(file, dashboard));
    }

    [Fact]
    public void DockerCompose_HomeDashboard_IsTheInfrastructureGapDashboard()
    {
        var compose = File.ReadAllText(RepoPaths.Combine("docker-compose.yml"));

        Assert.Contains("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH: /var/lib/grafana/dashboards/infrastructure-gap.json", compose, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Dashboards, "infrastructure-gap.json")));
    }

    private static JsonElement Load(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Dashboards, file)));
        return document.RootElement.Clone();
    }

    private static IEnumerable<JsonElement> DataPanels(JsonElement dashboard) =>
        PanelQueries.AllPanels(dashboard).Where(p => p.GetProperty("type").GetString() != "row");

    private static string? DatasourceUidOf(JsonElement element, string where)
    {
        Assert.True(element.TryGetProperty("datasource", out var datasource), $"{where} has no datasource.");
        Assert.True(datasource.ValueKind == JsonValueKind.Object, $"{where} refers to its datasource by name, not by {{type, uid}}.");
        Assert.Equal("prometheus", datasource.GetProperty("type").GetString());
        return datasource.GetProperty("uid").GetString();
    }

    [GeneratedRegex(@"\[(?<range>[^\]:]+)(?::[^\]]*)?\]")]
    private static partial Regex RateRange();

    [GeneratedRegex(@"(?<op>!~|=~|!=|=)\s*""[^""]*(\$\{?\w+|\[\[\w+)")]
    private static partial Regex VariableMatcher();
}
