using System.Globalization;
using System.Net;
using System.Text;
using AgentSim.LoadTests.Driver;

namespace AgentSim.LoadTests.Reports;

/// <summary>The per-scenario and per-step table (NBomber's step statistics), one row per scenario then one per step, for every report format.</summary>
public static class ScenarioTable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The column headers.</summary>
    public static readonly string[] Headers = ["scenario / step", "weight", "ok", "errors", "dropped", "p50 ms", "p99 ms", "max ms", "outcomes"];

    /// <summary>The rows: each scenario (its iterations) then its steps, indented.</summary>
    public static IReadOnlyList<string[]> Rows(LoadResult r) => [.. r.Scenarios.SelectMany(s => Enumerable.Empty<string[]>()
        .Append([s.Name, s.Weight is { } w ? w.ToString("0.##", C) : "", N(s.Ok), N(s.Errors), N(s.Dropped), Ms(s.Response.P50Ms), Ms(s.Response.P99Ms), Ms(s.Response.MaxMs), ""])
        .Concat(s.Steps.Select(step => new[]
        {
            "  " + step.Name, "", N(step.Ok), N(step.Errors), "", Ms(step.Latency.P50Ms), Ms(step.Latency.P99Ms), Ms(step.Latency.MaxMs),
            string.Join(", ", step.Outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Key}: {N(o.Value)}")),
        })))];

    /// <summary>As a Markdown section.</summary>
    public static string Markdown(LoadResult r)
    {
        var s = new StringBuilder("\n## Scenarios and steps\n\nA scenario's row is its iterations (every step in order; a failed step ends one), from the scheduled start; each step's row its own calls.\n\n")
            .Append("| ").AppendJoin(" | ", Headers).Append(" |\n|").Append(string.Concat(Headers.Select((_, i) => i == 0 ? " --- |" : " ---: |"))).Append('\n');
        foreach (var row in Rows(r))
        {
            s.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        return s.ToString();
    }

    /// <summary>As aligned text.</summary>
    public static string Text(LoadResult r)
    {
        var s = new StringBuilder("\n").Append(C, $"{Headers[0],-24}{Headers[1],8}{Headers[2],12}{Headers[3],10}{Headers[4],10}{Headers[5],10}{Headers[6],10}{Headers[7],10}  {Headers[8]}\n");
        foreach (var row in Rows(r))
        {
            s.Append(C, $"{row[0],-24}{row[1],8}{row[2],12}{row[3],10}{row[4],10}{row[5],10}{row[6],10}{row[7],10}  {row[8]}\n");
        }

        return s.ToString();
    }

    /// <summary>As an HTML section.</summary>
    public static string Html(LoadResult r)
    {
        var s = new StringBuilder("<h2>Scenarios and steps</h2>\n<p>A scenario's row is its iterations (every step in order; a failed step ends one), from the scheduled start; each step's row its own calls.</p>\n<table><tr>")
            .AppendJoin("", Headers.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")).Append("</tr>");
        foreach (var row in Rows(r))
        {
            s.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>")).Append("</tr>");
        }

        return s.Append("</table>\n").ToString();
    }

    private static string N(long n) => n.ToString("N0", C);

    private static string Ms(double ms) => ms.ToString("0.00", C);
}
