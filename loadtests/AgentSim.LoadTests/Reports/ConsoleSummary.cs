using System.Globalization;
using AgentSim.LoadTests.Driver;
using Spectre.Console;

namespace AgentSim.LoadTests.Reports;

/// <summary>The end-of-run summary on the console: headline figures and latency percentiles as tables.</summary>
public static class ConsoleSummary
{
    /// <summary>Writes the summary to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, LoadResult r)
    {
        var summary = new Table().Title("AgentSim load test").AddColumn("").AddColumn("");
        summary.HideHeaders();
        foreach (var (key, value) in ReportWriter.Summary(r))
        {
            var text = Markup.Escape(value);
            summary.AddRow(Markup.Escape(key), key == "verdict" ? (r.KeptTarget ? $"[green]{text}[/]" : $"[red]{text}[/]") : text);
        }

        console.Write(summary);
        var latency = new Table().AddColumns("latency ms", "count", "mean", "p50", "p90", "p99", "p99.9", "max");
        foreach (var (name, l) in ReportWriter.Latencies(r))
        {
            latency.AddRow(name, F(l.Count), F(l.MeanMs), F(l.P50Ms), F(l.P90Ms), F(l.P99Ms), F(l.P999Ms), F(l.MaxMs));
        }

        console.Write(latency);
    }

    private static string F(double v) => v.ToString(v == Math.Floor(v) && v > 100 ? "N0" : "0.00", CultureInfo.InvariantCulture);
}
