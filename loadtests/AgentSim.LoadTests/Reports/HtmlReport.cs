using System.Globalization;
using System.Net;
using System.Text;
using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Simulation;

namespace AgentSim.LoadTests.Reports;

/// <summary>The self-contained HTML report: the summary, latencies, and inline SVG charts (no scripts, no external files).</summary>
public static class HtmlReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Renders the report page.</summary>
    public static string Render(LoadResult r)
    {
        var s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>AgentSim load test</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}")
            .Append(".bad{color:#b00;font-weight:bold}.good{color:#070}svg{background:#fafafa;border:1px solid #ddd}</style></head><body>\n")
            .Append("<h1>AgentSim load test</h1>\n<table>");
        foreach (var (key, value) in ReportWriter.Summary(r))
        {
            var cls = key switch
            {
                "verdict" => r.KeptTarget ? " class=\"good\"" : " class=\"bad\"",
                "thresholds" => r.ThresholdsPassed ? " class=\"good\"" : " class=\"bad\"",
                "stopped early" => " class=\"bad\"",
                "silo metrics" => r.Simulation is { Available: false } ? " class=\"bad\"" : "",
                _ => "",
            };
            s.Append(C, $"<tr><th>{E(key)}</th><td{cls}>{E(value)}</td></tr>");
        }

        s.Append("</table>\n");
        if (r.Thresholds.Count > 0)
        {
            s.Append("<h2>Thresholds</h2>\n<p>Checked on the whole measured run.</p>\n<table><tr><th>threshold</th><th>measured</th><th>result</th></tr>");
            foreach (var (threshold, measured, verdict) in ReportWriter.ThresholdRows(r))
            {
                s.Append(C, $"<tr><td>{E(threshold)}</td><td>{E(measured)}</td><td class=\"{(verdict == "pass" ? "good" : "bad")}\">{E(verdict)}</td></tr>");
            }

            s.Append("</table>\n");
        }

        s.Append("<h2>Latency (ms)</h2>\n<p>Response time runs from each request's scheduled start (safe from coordinated omission); service time from its actual send.</p>\n")
            .Append("<table><tr><th></th><th>count</th><th>mean</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>");
        foreach (var (name, l) in ReportWriter.Latencies(r))
        {
            s.Append(C, $"<tr><td>{E(name)}</td><td>{l.Count:N0}</td><td>{l.MeanMs:0.00}</td><td>{l.P50Ms:0.00}</td><td>{l.P90Ms:0.00}</td><td>{l.P99Ms:0.00}</td><td>{l.P999Ms:0.00}</td><td>{l.MaxMs:0.00}</td></tr>");
        }

        s.Append("</table>\n").Append(ScenarioTable.Html(r)).Append("<h2>Rate per second: target vs achieved</h2>\n")
            .Append(Chart(r.Timeline, "requests/s", [("target", "#888", row => row.Target), ("achieved", "#1565c0", row => row.Sent), ("dropped", "#c62828", row => row.Dropped), ("errors", "#ef6c00", row => row.Errors)]))
            .Append("<h2>Latency per second (ms)</h2>\n")
            .Append(Chart(r.Timeline, "ms", [("response p99", "#c62828", row => row.ResponseP99Ms), ("response p50", "#1565c0", row => row.ResponseP50Ms), ("service p99", "#2e7d32", row => row.ServiceP99Ms)]))
            .Append("<h2>Latency distribution (ms) by percentile</h2>\n")
            .Append(Distribution(r.Distribution))
            .Append("<h2>In flight</h2>\n")
            .Append(Chart(r.Timeline, "requests", [("in flight", "#6a1b9a", row => row.InFlight)]))
            .Append(SimulationReport.Html(r.Simulation))
            .Append("\n</body></html>\n");
        return s.ToString();
    }

    private static string Chart(IReadOnlyList<TimelineRow> rows, string unit, IReadOnlyList<(string Name, string Color, Func<TimelineRow, double> Value)> series, string xTitle = "second", Func<int, string>? xLabel = null)
    {
        const double W = 800, H = 260, L = 60, R = 130, T = 15, B = 35;
        var max = Math.Max(1e-9, rows.SelectMany(row => series.Select(x => x.Value(row))).DefaultIfEmpty(0).Max()) * 1.1;
        var n = Math.Max(1, rows.Count - 1);
        double X(int i) => L + (W - L - R) * i / n;
        double Y(double v) => T + (H - T - B) * (1 - v / max);
        var s = new StringBuilder(string.Create(C, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\">"));
        for (var k = 0; k <= 4; k++)
        {
            var v = max * k / 4;
            s.Append(C, $"<line x1=\"{L}\" x2=\"{W - R}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#e0e0e0\"/><text x=\"{L - 5}\" y=\"{Y(v) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{v:0.#}</text>");
        }

        s.Append(C, $"<text x=\"{(W - R + L) / 2}\" y=\"{H - 5}\" font-size=\"11\" text-anchor=\"middle\">{xTitle} ({unit})</text>");
        for (var i = 0; i < rows.Count; i += xLabel is null ? Math.Max(1, rows.Count / 10) : 1)
        {
            s.Append(C, $"<text x=\"{X(i):0.#}\" y=\"{H - B + 15}\" font-size=\"11\" text-anchor=\"middle\">{E(xLabel?.Invoke(i) ?? rows[i].Second.ToString(C))}</text>");
        }

        for (var j = 0; j < series.Count; j++)
        {
            var (name, color, value) = series[j];
            var points = string.Join(' ', rows.Select((row, i) => string.Create(C, $"{X(i):0.#},{Y(value(row)):0.#}")));
            s.Append(C, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"><title>{E(name)}</title></polyline>")
                .Append(C, $"<rect x=\"{W - R + 10}\" y=\"{T + j * 18}\" width=\"12\" height=\"3\" fill=\"{color}\"/><text x=\"{W - R + 28}\" y=\"{T + j * 18 + 5}\" font-size=\"12\">{E(name)}</text>");
        }

        return s.Append("</svg>\n").ToString();
    }

    // The distribution as a chart over the reported percentiles, evenly spaced (so the tail gets room).
    private static string Distribution(IReadOnlyList<PercentilePoint> points)
    {
        var rows = points.Select((p, i) => new TimelineRow(i, 0, 0, 0, 0, 0, 0, 0, p.ResponseMs, p.ServiceMs)).ToArray();
        return Chart(rows, "ms", [("response time", "#c62828", row => row.ResponseP99Ms), ("service time", "#2e7d32", row => row.ServiceP99Ms)],
            "percentile", i => points[i].Percentile.ToString("0.##", C));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
