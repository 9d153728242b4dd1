using System.Globalization;
using System.Text;
using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Simulation;

namespace AgentSim.LoadTests.Reports;

/// <summary>Writes a run's reports: <c>report.md</c>, <c>report.txt</c>, <c>report.csv</c> (one row per measured second) and <c>report.html</c>.</summary>
public static class ReportWriter
{
    /// <summary>The report file names (a contract: tools outside the repository read them).</summary>
    public static readonly string[] FileNames = ["report.html", "report.md", "report.csv", "report.txt"];

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Writes every report into <paramref name="directory"/> (created if missing).</summary>
    public static async Task WriteAsync(LoadResult result, string directory, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), Markdown(result), cancellation).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.txt"), Text(result), cancellation).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.csv"), Csv(result), cancellation).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), HtmlReport.Render(result), cancellation).ConfigureAwait(false);
    }

    /// <summary>The per-second timeline as CSV, a header then one row per measured second.</summary>
    public static string Csv(LoadResult r)
    {
        var s = new StringBuilder("second,target,achieved,ok,errors,dropped_iterations,in_flight,response_p50_ms,response_p99_ms,service_p99_ms")
            .Append(r.Simulation is null ? "\n" : "," + SimulationReport.CsvColumns + "\n");
        foreach (var row in r.Timeline)
        {
            s.Append(C, $"{row.Second},{row.Target},{row.Sent},{row.Ok},{row.Errors},{row.Dropped},{row.InFlight},{row.ResponseP50Ms:0.###},{row.ResponseP99Ms:0.###},{row.ServiceP99Ms:0.###}")
                .Append(r.Simulation is { } sim ? "," + SimulationReport.CsvCells(sim, row.Second) + "\n" : "\n");
        }

        return s.ToString();
    }

    /// <summary>The summary as key/value lines, then the timeline.</summary>
    public static string Text(LoadResult r)
    {
        var s = new StringBuilder();
        foreach (var (key, value) in Summary(r))
        {
            s.Append(C, $"{key,-28} {value}\n");
        }

        if (r.Thresholds.Count > 0)
        {
            s.Append('\n').Append(C, $"{"threshold",-28} {"measured",-14} result\n");
            foreach (var (threshold, measured, verdict) in ThresholdRows(r))
            {
                s.Append(C, $"{threshold,-28} {measured,-14} {verdict}\n");
            }
        }

        s.Append('\n').Append(C, $"{"latency ms",-16}{"count",10}{"mean",10}{"p50",10}{"p90",10}{"p99",10}{"p99.9",10}{"max",10}\n");
        foreach (var (name, l) in Latencies(r))
        {
            s.Append(C, $"{name,-16}{l.Count,10}{l.MeanMs,10:0.00}{l.P50Ms,10:0.00}{l.P90Ms,10:0.00}{l.P99Ms,10:0.00}{l.P999Ms,10:0.00}{l.MaxMs,10:0.00}\n");
        }

        s.Append(ScenarioTable.Text(r));
        s.Append('\n').Append(Csv(r).Replace(',', '\t'));
        return s.ToString();
    }

    /// <summary>The summary, latencies and timeline as Markdown.</summary>
    public static string Markdown(LoadResult r)
    {
        var s = new StringBuilder("# Load test report\n\n| | |\n| --- | --- |\n");
        foreach (var (key, value) in Summary(r))
        {
            s.Append(C, $"| {key} | {value} |\n");
        }

        if (r.Thresholds.Count > 0)
        {
            s.Append("\n## Thresholds\n\nChecked on the whole measured run.\n\n| threshold | measured | result |\n| --- | ---: | --- |\n");
            foreach (var (threshold, measured, verdict) in ThresholdRows(r))
            {
                s.Append(C, $"| `{threshold}` | {measured} | {(verdict == "pass" ? "pass" : "**FAIL**")} |\n");
            }
        }

        s.Append("\n## Latency (ms)\n\nResponse time is measured from each request's *scheduled* start (safe from coordinated omission); ")
            .Append("service time from when it was actually sent; send lag is how late the driver sent it.\n\n")
            .Append("| | count | mean | p50 | p90 | p99 | p99.9 | max |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var (name, l) in Latencies(r))
        {
            s.Append(C, $"| {name} | {l.Count:N0} | {l.MeanMs:0.00} | {l.P50Ms:0.00} | {l.P90Ms:0.00} | {l.P99Ms:0.00} | {l.P999Ms:0.00} | {l.MaxMs:0.00} |\n");
        }

        s.Append("\n## Latency distribution (ms)\n\n| percentile | response time | service time |\n| ---: | ---: | ---: |\n");
        foreach (var point in r.Distribution)
        {
            s.Append(C, $"| {point.Percentile:0.##} | {point.ResponseMs:0.00} | {point.ServiceMs:0.00} |\n");
        }

        s.Append(ScenarioTable.Markdown(r));
        s.Append("\n## Timeline\n\n| second | target | achieved | ok | errors | dropped | in flight | p50 ms | p99 ms | service p99 ms |\n")
            .Append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var row in r.Timeline)
        {
            s.Append(C, $"| {row.Second} | {row.Target} | {row.Sent} | {row.Ok} | {row.Errors} | {row.Dropped} | {row.InFlight} | {row.ResponseP50Ms:0.0} | {row.ResponseP99Ms:0.0} | {row.ServiceP99Ms:0.0} |\n");
        }

        return s.Append(SimulationReport.Markdown(r.Simulation)).ToString();
    }

    /// <summary>The headline figures, in order, as label and formatted value.</summary>
    public static IReadOnlyList<(string Key, string Value)> Summary(LoadResult r) =>
    [
        ("target", r.TargetName),
        ("simulation", string.Create(C, $"{r.Settings.Simulation} (seed {r.Settings.Seed})")),
        ("duration", string.Create(C, $"{r.Settings.Duration.TotalSeconds:0.###} s (warm-up {r.Settings.Warmup.TotalSeconds:0.###} s)")),
        ("target rate", r.Settings.Rate > 0 ? string.Create(C, $"{r.Settings.Rate:0.##}/s (mean over the plan)") : "none (closed model: copies, not a rate)"),
        ("achieved rate", r.Settings.Rate > 0
            ? string.Create(C, $"{r.AchievedRate:0.##}/s ({r.AchievedRate / r.Settings.Rate:P1} of target)")
            : string.Create(C, $"{r.AchievedRate:0.##} iterations/s")),
        ("verdict", r.KeptTarget ? "kept its target" : "could NOT keep its target: " + r.Shortfall),
        .. r.AbortedBy is null ? Array.Empty<(string, string)>() : [("stopped early", string.Create(C, $"{r.AbortedBy} (measured {r.MeasuredSeconds:0.###} s of {r.Settings.Duration.TotalSeconds:0.###} s)"))],
        .. r.Thresholds.Count == 0 ? Array.Empty<(string, string)>() : [("thresholds", r.ThresholdsPassed
            ? string.Create(C, $"all {r.Thresholds.Count} passed")
            : string.Create(C, $"{r.Thresholds.Count(t => !t.Passed)} of {r.Thresholds.Count} FAILED"))],
        ("scheduled", r.Scheduled.ToString("N0", C)),
        ("sent", r.Sent.ToString("N0", C)),
        ("ok", r.Ok.ToString("N0", C)),
        ("errors", r.Errors.ToString("N0", C)),
        ("dropped_iterations", string.Create(C, $"{r.Dropped:N0} (in-flight cap {r.Settings.MaxInFlight:N0})")),
        ("unfinished", r.Unfinished.ToString("N0", C)),
        ("max in flight", r.MaxInFlightSeen.ToString("N0", C)),
        ("outcomes", string.Join(", ", r.Outcomes.OrderByDescending(o => o.Value).Select(o => string.Create(C, $"{o.Key}: {o.Value:N0}")))),
        .. SimulationReport.Summary(r.Simulation),
    ];

    /// <summary>The final thresholds as rows: expression, measured value, <c>pass</c> or <c>FAIL</c>.</summary>
    public static IReadOnlyList<(string Threshold, string Measured, string Verdict)> ThresholdRows(LoadResult r) =>
        [.. r.Thresholds.Select(t => (t.Threshold.Text, t.MeasuredText, t.Verdict))];

    /// <summary>The three latency summaries with their names.</summary>
    public static IReadOnlyList<(string Name, LatencySummary Latency)> Latencies(LoadResult r) =>
        [("response time", r.ResponseTime), ("service time", r.ServiceTime), ("send lag", r.SendLag)];
}
