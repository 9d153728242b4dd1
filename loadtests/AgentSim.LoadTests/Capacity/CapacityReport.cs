using System.Globalization;
using System.Net;
using System.Text;
using AgentSim.LoadTests.Reports;
using AgentSim.LoadTests.Simulation;

namespace AgentSim.LoadTests.Capacity;

/// <summary>A capacity search's reports, under the same file names as a single run's (<see cref="ReportWriter.FileNames"/>): a table per step, and in the HTML an inline SVG chart.</summary>
public static class CapacityReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Writes every report into <paramref name="directory"/> (created if missing).</summary>
    public static async Task WriteAsync(CapacityResult r, string directory, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.md"), Markdown(r), cancellation).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.txt"), Text(r), cancellation).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.csv"), Csv(r), cancellation).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), Html(r), cancellation).ConfigureAwait(false);
    }

    /// <summary>The headline figures, as label and formatted value.</summary>
    public static IReadOnlyList<(string Key, string Value)> Summary(CapacityResult r) =>
    [
        ("target", r.TargetName),
        ("search", string.Create(C, $"{r.Settings.StartRate:0.##}/s to {r.Settings.MaxRate:0.##}/s, {r.Settings.Stepping}, {r.Settings.StepDuration.TotalSeconds:0.###} s a step (warm-up {r.Settings.Warmup.TotalSeconds:0.###} s before the first)")),
        ("SLO", string.Join(", ", r.Settings.Slo.Select(t => t.Text))),
        ("knee", r.Knee is { } k ? string.Create(C, $"{k.Offered:0.##}/s") : "none (the first step failed)"),
        ("first failing rate", r.FirstFailure is { } f ? string.Create(C, $"{f.Offered:0.##}/s: {f.Verdict[6..]}") : "none up to --max-rate"),
        .. r.FirstFailure is { } failed ? [("its outcomes", string.Join(", ", failed.Result.Outcomes.OrderByDescending(o => o.Value).Select(o => string.Create(C, $"{o.Key}: {o.Value:N0}"))))] : Array.Empty<(string, string)>(),
        .. KneeRows(r),
        ("conclusion", r.Conclusion),
    ];

    /// <summary>Whether any step read the simulation's own metrics from the silo.</summary>
    public static bool HasSimulation(CapacityResult r) => r.Steps.Any(s => s.Result.Simulation is not null);

    /// <summary>The two knees, when the simulation's metrics were read: the modelled infrastructure's and the silo's own.</summary>
    public static IReadOnlyList<(string Key, string Value)> KneeRows(CapacityResult r)
    {
        if (!HasSimulation(r) && !r.HasSimulationSlo)
        {
            return [];
        }

        var infrastructure = r.HasSimulationSlo
            ? CapacityResult.KneeText(r.InfrastructureKnee, r.InfrastructureFailure)
            : "not searched: give an SLO on the simulation's metrics, e.g. --threshold 'queue_abandonment<5%' or 'rollback_rate<5'";
        var silo = CapacityResult.KneeText(r.SiloKnee, r.SiloFailure);
        return
        [
            ("infrastructure knee", infrastructure + " (where rollbacks, context loss or abandonment climb past their SLO)"),
            ("silo knee", silo + " (where the silo stops keeping up: latency, errors, drops, achieved rate)"),
        ];
    }

    /// <summary>A step's simulation metrics in one line for the console (empty when none were read).</summary>
    public static string SimulationText(CapacityStep s) => s.Result.Simulation?.Totals is { } t
        ? string.Create(C, $"  rollbacks {t.RollbackRate,6:0.##}/1k  context loss {t.ContextLossPercent,6:0.##}%  queue abandoned {t.QueueAbandonmentPercent,6:0.##}%  abandoned {t.AbandonmentPercent,6:0.##}%")
        : s.Result.Simulation is { } sim ? "  " + sim.Status : "";

    /// <summary>The column names of <see cref="SimulationRows"/>.</summary>
    public static readonly string[] SimulationColumns = ["step", "offered/s", "silo started", "silo ended", "rollbacks /1,000", "context loss", "queue abandonment", "abandonment", "mean queue wait s"];

    /// <summary>One row per step of the simulation's own metrics over the step (the silo's counts, rates since the step began).</summary>
    public static IReadOnlyList<string[]> SimulationRows(CapacityResult r) => [.. r.Steps.Select(s => s.Result.Simulation?.Totals is { } t
        ? new[]
        {
            s.Index.ToString(C), s.Offered.ToString("0.##", C), t.Started.ToString("0", C), t.Ended.ToString("0", C), t.RollbackRate.ToString("0.##", C),
            t.ContextLossPercent.ToString("0.##", C) + "%", t.QueueAbandonmentPercent.ToString("0.##", C) + "%", t.AbandonmentPercent.ToString("0.##", C) + "%",
            t.MeanQueueWaitSeconds.ToString("0.##", C),
        }
        : [s.Index.ToString(C), s.Offered.ToString("0.##", C), "unavailable", "", "", "", "", "", ""])];

    /// <summary>One row per step: offered, achieved, p50, p99, errors, drops and the verdict, formatted.</summary>
    public static IReadOnlyList<string[]> Rows(CapacityResult r) => [.. r.Steps.Select(s => new[]
    {
        s.Index.ToString(C), s.Offered.ToString("0.##", C), s.Result.AchievedRate.ToString("0.##", C),
        s.Result.ResponseTime.P50Ms.ToString("0.00", C), s.Result.ResponseTime.P99Ms.ToString("0.00", C),
        s.ErrorPercent.ToString("0.###", C) + "%", s.DroppedPercent.ToString("0.###", C) + "%", s.Verdict,
    })];

    /// <summary>The column names of <see cref="Rows"/>.</summary>
    public static readonly string[] Columns = ["step", "offered/s", "achieved/s", "p50 ms", "p99 ms", "errors", "dropped", "result"];

    /// <summary>One CSV row per step.</summary>
    public static string Csv(CapacityResult r)
    {
        var sim = HasSimulation(r);
        var s = new StringBuilder("step,offered,achieved,response_p50_ms,response_p99_ms,errors_pct,dropped_pct,passed,broken")
            .Append(sim ? ",sim_started,sim_ended,rollback_rate_per_1000,context_loss_pct,queue_abandonment_pct,abandonment_pct\n" : "\n");
        foreach (var step in r.Steps)
        {
            s.Append(C, $"{step.Index},{step.Offered:0.###},{step.Result.AchievedRate:0.###},{step.Result.ResponseTime.P50Ms:0.###},{step.Result.ResponseTime.P99Ms:0.###},")
                .Append(C, $"{step.ErrorPercent:0.###},{step.DroppedPercent:0.###},{(step.Passed ? "true" : "false")},\"{string.Join("; ", step.Broken.Select(b => $"{b.Threshold.Text} = {b.MeasuredText}"))}\"");
            s.Append(!sim ? "\n" : step.Result.Simulation?.Totals is { } t
                ? string.Create(C, $",{t.Started:0},{t.Ended:0},{t.RollbackRate:0.###},{t.ContextLossPercent:0.###},{t.QueueAbandonmentPercent:0.###},{t.AbandonmentPercent:0.###}\n")
                : ",,,,,,\n");
        }

        return s.ToString();
    }

    /// <summary>The summary and the step table as plain text.</summary>
    public static string Text(CapacityResult r)
    {
        var s = new StringBuilder();
        foreach (var (key, value) in Summary(r))
        {
            s.Append(C, $"{key,-20} {value}\n");
        }

        s.Append('\n').Append(C, $"{Columns[0],-5}{Columns[1],12}{Columns[2],12}{Columns[3],10}{Columns[4],10}{Columns[5],9}{Columns[6],9}  {Columns[7]}\n");
        foreach (var row in Rows(r))
        {
            s.Append(C, $"{row[0],-5}{row[1],12}{row[2],12}{row[3],10}{row[4],10}{row[5],9}{row[6],9}  {row[7]}\n");
        }

        if (HasSimulation(r))
        {
            s.Append("\nsimulation metrics per step (from the silo)\n").Append(string.Join(" | ", SimulationColumns)).Append('\n');
            foreach (var row in SimulationRows(r))
            {
                s.Append(string.Join(" | ", row)).Append('\n');
            }
        }

        return s.ToString();
    }

    /// <summary>The summary and the step table as Markdown.</summary>
    public static string Markdown(CapacityResult r)
    {
        var s = new StringBuilder("# Capacity search report\n\n| | |\n| --- | --- |\n");
        foreach (var (key, value) in Summary(r))
        {
            s.Append(C, $"| {key} | {value.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        s.Append("\n## Steps\n\nResponse time is measured from each request's scheduled start.\n\n| ")
            .Append(string.Join(" | ", Columns)).Append(" |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var row in Rows(r))
        {
            row[7] = row[7] == "pass" ? "pass" : "**FAIL**" + row[7][4..];
            s.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }

        if (HasSimulation(r))
        {
            s.Append("\n## Simulation metrics per step (from the silo)\n\nThe silo's own counts over each step and its rates: rollbacks per 1,000 conversations ended, ")
                .Append("context losses per channel switch, customers who left a human queue, abandoned conversations per ended.\n\n| ")
                .Append(string.Join(" | ", SimulationColumns)).Append(" |\n|").Append(string.Concat(SimulationColumns.Select(_ => " ---: |"))).Append('\n');
            foreach (var row in SimulationRows(r))
            {
                s.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
            }
        }

        return s.ToString();
    }

    /// <summary>The self-contained HTML page: summary, step table and the chart (no scripts).</summary>
    public static string Html(CapacityResult r)
    {
        var s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>AgentSim capacity search</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}")
            .Append(".bad{color:#b00;font-weight:bold}.good{color:#070}svg{background:#fafafa;border:1px solid #ddd}</style></head><body>\n")
            .Append("<h1>AgentSim capacity search</h1>\n<table>");
        foreach (var (key, value) in Summary(r))
        {
            s.Append(C, $"<tr><th>{E(key)}</th><td>{E(value)}</td></tr>");
        }

        s.Append("</table>\n<h2>p99 and achieved rate against offered rate</h2>\n").Append(Chart(r))
            .Append("\n<h2>Steps</h2>\n<table><tr>").Append(string.Concat(Columns.Select(c => $"<th>{E(c)}</th>"))).Append("</tr>");
        foreach (var row in Rows(r))
        {
            s.Append("<tr>").Append(string.Concat(row[..7].Select(c => $"<td>{E(c)}</td>")))
                .Append(C, $"<td class=\"{(row[7] == "pass" ? "good" : "bad")}\">{E(row[7])}</td></tr>");
        }

        s.Append("</table>\n");
        if (HasSimulation(r))
        {
            s.Append("<h2>Simulation metrics per step (from the silo)</h2>\n<table><tr>").Append(string.Concat(SimulationColumns.Select(c => $"<th>{E(c)}</th>"))).Append("</tr>");
            foreach (var row in SimulationRows(r))
            {
                s.Append("<tr>").Append(string.Concat(row.Select(c => $"<td>{E(c)}</td>"))).Append("</tr>");
            }

            s.Append("</table>\n").Append(SimulationChart(r));
        }

        return s.Append("</body></html>\n").ToString();
    }

    /// <summary>The inline SVG chart: p99 (left axis, red) and achieved rate (right axis, blue) against offered rate, the knee marked.</summary>
    public static string Chart(CapacityResult r)
    {
        const double W = 720, H = 320, L = 60, R = 60, T = 20, B = 40;
        var steps = r.Steps;
        var maxX = Math.Max(1, steps.Count == 0 ? 1 : steps.Max(p => Math.Max(p.Offered, p.Result.AchievedRate))) * 1.05;
        var maxP99 = Math.Max(1, steps.Count == 0 ? 1 : steps.Max(p => p.Result.ResponseTime.P99Ms)) * 1.1;
        double X(double v) => L + (v / maxX * (W - L - R));
        double YRate(double v) => H - B - (v / maxX * (H - T - B));
        double YMs(double v) => H - B - (v / maxP99 * (H - T - B));
        var s = new StringBuilder(string.Create(C, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"capacity chart\">"));
        s.Append(C, $"<line x1=\"{L}\" y1=\"{H - B}\" x2=\"{W - R}\" y2=\"{H - B}\" stroke=\"#888\"/><line x1=\"{L}\" y1=\"{T}\" x2=\"{L}\" y2=\"{H - B}\" stroke=\"#888\"/><line x1=\"{W - R}\" y1=\"{T}\" x2=\"{W - R}\" y2=\"{H - B}\" stroke=\"#888\"/>")
            .Append(C, $"<text x=\"{W / 2}\" y=\"{H - 8}\" text-anchor=\"middle\" font-size=\"12\">offered rate (/s), 0 to {maxX:0}</text>")
            .Append(C, $"<text x=\"4\" y=\"{T + 10}\" font-size=\"11\" fill=\"#c00\">p99 ms (max {maxP99:0.#})</text>")
            .Append(C, $"<text x=\"{W - R - 40}\" y=\"{T + 10}\" font-size=\"11\" fill=\"#06c\">achieved /s</text>")
            .Append(C, $"<line x1=\"{X(0)}\" y1=\"{YRate(0)}\" x2=\"{X(maxX)}\" y2=\"{YRate(maxX)}\" stroke=\"#ccc\" stroke-dasharray=\"4 4\"/>");
        if (r.Knee is { } knee)
        {
            s.Append(C, $"<line class=\"knee\" x1=\"{X(knee.Offered):0.#}\" y1=\"{T}\" x2=\"{X(knee.Offered):0.#}\" y2=\"{H - B}\" stroke=\"#070\" stroke-width=\"2\"/>")
                .Append(C, $"<text x=\"{X(knee.Offered) + 4:0.#}\" y=\"{T + 24}\" font-size=\"12\" fill=\"#070\">knee {knee.Offered:0.##}/s</text>");
        }

        s.Append(C, $"<polyline fill=\"none\" stroke=\"#c00\" stroke-width=\"2\" points=\"{string.Join(' ', steps.Select(p => string.Create(C, $"{X(p.Offered):0.#},{YMs(p.Result.ResponseTime.P99Ms):0.#}")))}\"/>")
            .Append(C, $"<polyline fill=\"none\" stroke=\"#06c\" stroke-width=\"2\" points=\"{string.Join(' ', steps.Select(p => string.Create(C, $"{X(p.Offered):0.#},{YRate(p.Result.AchievedRate):0.#}")))}\"/>");
        foreach (var p in steps)
        {
            var fill = p.Passed ? "#070" : "#b00";
            s.Append(C, $"<circle cx=\"{X(p.Offered):0.#}\" cy=\"{YMs(p.Result.ResponseTime.P99Ms):0.#}\" r=\"3\" fill=\"{fill}\"><title>{p.Offered:0.##}/s: p99 {p.Result.ResponseTime.P99Ms:0.00} ms, {E(p.Verdict)}</title></circle>");
        }

        return s.Append("</svg>").ToString();
    }

    /// <summary>The simulation's rates per step as an inline SVG chart against the offered rate (the steps' totals as rows).</summary>
    public static string SimulationChart(CapacityResult r)
    {
        var rows = r.Steps.Where(s => s.Result.Simulation?.Totals is not null)
            .Select(s => new SimulationRow((int)Math.Round(s.Offered), null, s.Result.Simulation!.Totals)).ToArray();
        return rows.Length == 0 ? "" : SimulationReport.Chart(rows, "/s; rates in %, rollbacks per 1,000", [
            ("context loss %", "#c62828", c => c.ContextLossPercent),
            ("queue abandonment %", "#ef6c00", c => c.QueueAbandonmentPercent),
            ("abandonment %", "#6a1b9a", c => c.AbandonmentPercent),
            ("rollbacks per 1,000", "#1565c0", c => c.RollbackRate),
        ], "capacity-simulation", "offered rate");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
