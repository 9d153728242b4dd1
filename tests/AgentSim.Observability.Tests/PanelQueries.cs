using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentSim.Observability.Tests;

/// <summary>
/// Extracts every PromQL query from the Grafana dashboards and substitutes Grafana's variables, so the queries
/// can be parsed by promtool or run against a live Prometheus.
/// </summary>
public static partial class PanelQueries
{
    private static readonly Dictionary<string, string> BuiltIns = new(StringComparer.Ordinal)
    {
        ["__rate_interval"] = "1m",
        ["__rate_interval_ms"] = "60000",
        ["__interval"] = "15s",
        ["__interval_ms"] = "15000",
        ["__range"] = "1h",
        ["__range_s"] = "3600",
        ["__range_ms"] = "3600000",
    };

    /// <summary>Every query of every dashboard (*.json) in <paramref name="dashboardsDirectory"/>.</summary>
    public static IReadOnlyList<PanelQuery> Load(string dashboardsDirectory) =>
        [.. Directory.EnumerateFiles(dashboardsDirectory, "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(file =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                return FromDashboard(Path.GetFileName(file), document.RootElement);
            })];

    /// <summary>Every query of one dashboard, including panels nested in collapsed rows.</summary>
    public static IReadOnlyList<PanelQuery> FromDashboard(string dashboardName, JsonElement dashboard)
    {
        var queries = new List<PanelQuery>();
        foreach (var panel in AllPanels(dashboard))
        {
            if (!panel.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var title = panel.TryGetProperty("title", out var t) ? t.GetString() ?? string.Empty : string.Empty;
            foreach (var target in targets.EnumerateArray())
            {
                var expr = target.TryGetProperty("expr", out var e) ? e.GetString() ?? string.Empty : string.Empty;
                var refId = target.TryGetProperty("refId", out var r) ? r.GetString() ?? string.Empty : string.Empty;
                queries.Add(new PanelQuery(dashboardName, title, refId, expr, Substitute(expr)));
            }
        }

        return queries;
    }

    /// <summary>Every Prometheus annotation query of every dashboard (*.json) in <paramref name="dashboardsDirectory"/> (panel title: <c>annotation: NAME</c>).</summary>
    public static IReadOnlyList<PanelQuery> LoadAnnotations(string dashboardsDirectory) =>
        [.. Directory.EnumerateFiles(dashboardsDirectory, "*.json")
            .Order(StringComparer.Ordinal)
            .SelectMany(file =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                return AnnotationsOf(Path.GetFileName(file), document.RootElement);
            })];

    /// <summary>The annotation queries of one dashboard: every entry of <c>annotations.list</c> with a PromQL <c>expr</c>.</summary>
    public static IReadOnlyList<PanelQuery> AnnotationsOf(string dashboardName, JsonElement dashboard)
    {
        var queries = new List<PanelQuery>();
        if (dashboard.TryGetProperty("annotations", out var annotations) && annotations.TryGetProperty("list", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var annotation in list.EnumerateArray())
            {
                if (annotation.TryGetProperty("expr", out var e) && e.GetString() is { Length: > 0 } expr)
                {
                    var name = annotation.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
                    queries.Add(new PanelQuery(dashboardName, "annotation: " + name, "annotation", expr, Substitute(expr)));
                }
            }
        }

        return queries;
    }

    /// <summary>Every panel of a dashboard, depth first, with the panels of collapsed rows after their row.</summary>
    public static IEnumerable<JsonElement> AllPanels(JsonElement dashboard)
    {
        if (!dashboard.TryGetProperty("panels", out var panels) || panels.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var panel in panels.EnumerateArray())
        {
            yield return panel;
            foreach (var nested in AllPanels(panel))
            {
                yield return nested;
            }
        }
    }

    /// <summary>
    /// Replaces Grafana's interval variables with fixed durations ($__rate_interval → 1m, $__interval → 15s,
    /// $__range → 1h) and every template variable ($channel, ${channel}, ${channel:regex}, [[channel]]) with
    /// <c>.*</c>, which matches all values when the variable is used with <c>=~</c>.
    /// </summary>
    public static string Substitute(string expr) =>
        VariablePattern().Replace(expr, match =>
        {
            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value
                : match.Groups["bracketed"].Success ? match.Groups["bracketed"].Value
                : match.Groups["plain"].Value;
            return BuiltIns.TryGetValue(name, out var value) ? value : ".*";
        });

    /// <summary>The names of the template variables (not Grafana's built-ins) that <paramref name="expr"/> uses.</summary>
    public static IReadOnlyList<string> TemplateVariables(string expr) =>
        [.. VariablePattern().Matches(expr)
            .Select(m => m.Groups["braced"].Success ? m.Groups["braced"].Value
                : m.Groups["bracketed"].Success ? m.Groups["bracketed"].Value
                : m.Groups["plain"].Value)
            .Where(name => !name.StartsWith("__", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"\$\{(?<braced>\w+)(?::[^}]*)?\}|\[\[(?<bracketed>\w+)(?::[^\]]*)?\]\]|\$(?<plain>\w+)")]
    private static partial Regex VariablePattern();
}
