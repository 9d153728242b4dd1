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
            var good = key switch
            {
                "verdict" => r.KeptTarget,
                "thresholds" => r.ThresholdsPassed,
                "stopped early" => false,
                "silo metrics" => r.Simulation is { Available: false } ? false : null,
                _ => (bool?)null,
            };
            summary.AddRow(Markup.Escape(key), good switch { true => $"[green]{text}[/]", false => $"[red]{text}[/]", _ => text });
        }

        console.Write(summary);
        if (r.Thresholds.Count > 0)
        {
            var thresholds = new Table().AddColumns("threshold", "measured", "result");
            foreach (var (threshold, measured, verdict) in ReportWriter.ThresholdRows(r))
            {
                thresholds.AddRow(Markup.Escape(threshold), Markup.Escape(measured), verdict == "pass" ? "[green]pass[/]" : "[red]FAIL[/]");
            }

            console.Write(thresholds);
        }

        var latency = new Table().AddColumns("latency ms", "count", "mean", "p50", "p90", "p99", "p99.9", "max");
        foreach (var (name, l) in ReportWriter.Latencies(r))
        {
            latency.AddRow(name, F(l.Count), F(l.MeanMs), F(l.P50Ms), F(l.P90Ms), F(l.P99Ms), F(l.P999Ms), F(l.MaxMs));
        }

        console.Write(latency);
        if (r.Scenarios.Count > 1 || r.Scenarios.Any(sc => sc.Steps.Count > 1))
        {
            var scenarios = new Table().AddColumns([.. ScenarioTable.Headers]);
            foreach (var row in ScenarioTable.Rows(r))
            {
                scenarios.AddRow([.. row.Select(Markup.Escape)]);
            }

            console.Write(scenarios);
        }
    }

    private static string F(double v) => v.ToString(v == Math.Floor(v) && v > 100 ? "N0" : "0.00", CultureInfo.InvariantCulture);
}
