using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentSim.Observability.Tests.Live;

/// <summary>A dashboard template variable fed by <c>label_values(metric, label)</c>.</summary>
/// <param name="Dashboard">The dashboard file name.</param>
/// <param name="Name">The variable's name.</param>
/// <param name="Metric">The metric (or series selector) whose label values feed it.</param>
/// <param name="Label">The label.</param>
public sealed partial record TemplateVariable(string Dashboard, string Name, string Metric, string Label)
{
    /// <summary>Every <c>label_values</c> variable of every dashboard in <paramref name="dashboardsDirectory"/>.</summary>
    public static IReadOnlyList<TemplateVariable> Load(string dashboardsDirectory)
    {
        var variables = new List<TemplateVariable>();
        foreach (var file in Directory.EnumerateFiles(dashboardsDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (!document.RootElement.TryGetProperty("templating", out var templating))
            {
                continue;
            }

            foreach (var variable in templating.GetProperty("list").EnumerateArray())
            {
                var query = variable.TryGetProperty("query", out var q)
                    ? q.ValueKind == JsonValueKind.Object && q.TryGetProperty("query", out var inner) ? inner.GetString() : q.ValueKind == JsonValueKind.String ? q.GetString() : null
                    : null;
                if (query is not null && LabelValues().Match(query) is { Success: true } match)
                {
                    variables.Add(new TemplateVariable(Path.GetFileName(file), variable.GetProperty("name").GetString() ?? string.Empty, match.Groups["metric"].Value.Trim(), match.Groups["label"].Value));
                }
            }
        }

        return variables;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Dashboard} / ${Name} = label_values({Metric}, {Label})";

    [GeneratedRegex(@"^\s*label_values\((?<metric>[^,]+),\s*(?<label>\w+)\s*\)\s*$")]
    private static partial Regex LabelValues();
}
