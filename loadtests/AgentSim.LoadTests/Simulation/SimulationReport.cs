using System.Globalization;
using System.Net;
using System.Text;

namespace AgentSim.LoadTests.Simulation;

/// <summary>The simulation's own metrics in the reports: summary lines, per-second table and CSV columns, and an inline SVG chart.</summary>
public static class SimulationReport
{
    /// <summary>The CSV columns appended to the per-second timeline when the silo's metrics were read (rates since the warm-up ended).</summary>
    public const string CsvColumns = "sim_started,sim_ended,rollback_rate_per_1000,context_loss_pct,queue_abandonment_pct,abandonment_pct";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The summary lines: where the metrics came from (or that they were unavailable) and the totals since the warm-up ended.</summary>
    public static IReadOnlyList<(string Key, string Value)> Summary(SimulationSeries? s)
    {
        if (s is null)
        {
            return [];
        }

        if (s.Totals is not { } t)
        {
            return [("silo metrics", s.Status)];
        }

        return
        [
            ("silo metrics", s.Status),
            ("silo conversations", string.Create(C, $"{t.Started:N0} started, {t.Ended:N0} ended, {t.Abandoned:N0} abandoned ({t.AbandonmentPercent:0.###}% of ended)")),
            ("silo rollback rate", string.Create(C, $"{t.RollbackRate:0.###} per 1,000 conversations ended ({t.Rollbacks:N0} rollbacks)")),
            ("silo context-loss rate", string.Create(C, $"{t.ContextLossPercent:0.###}% of channel switches ({t.ContextLosses:N0} of {t.Switches:N0})")),
            ("silo queue abandonment", string.Create(C, $"{t.QueueAbandonmentPercent:0.###}% ({t.QueueAbandoned:N0} left, {t.QueueAnswered:N0} answered; mean wait {t.MeanQueueWaitSeconds:0.##} simulated s)")),
        ];
    }

    /// <summary>The CSV cells for measured second <paramref name="second"/> (empty when its scrape failed), matching <see cref="CsvColumns"/>.</summary>
    public static string CsvCells(SimulationSeries s, int second)
    {
        var row = second < s.Rows.Count ? s.Rows[second] : null;
        if (row?.InSecond is not { } d || row.Cumulative is not { } c)
        {
            return ",,,,,";
        }

        return string.Create(C, $"{d.Started:0},{d.Ended:0},{c.RollbackRate:0.###},{c.ContextLossPercent:0.###},{c.QueueAbandonmentPercent:0.###},{c.AbandonmentPercent:0.###}");
    }

    /// <summary>The per-second table as Markdown (empty when the metrics were not read).</summary>
    public static string Markdown(SimulationSeries? s)
    {
        if (s is null)
        {
            return "";
        }

        var b = new StringBuilder("\n## Simulation metrics (from the silo)\n\n")
            .Append(C, $"Read from {s.Url} once a measured second; started and ended are the silo's counts in that second, the rates are since the warm-up ended.\n\n");
        if (!s.Available)
        {
            return b.Append(s.Status).Append('\n').ToString();
        }

        b.Append("| second | started | ended | rollbacks /1,000 | context loss | queue abandonment | abandonment |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var row in s.Rows)
        {
            b.Append(row.InSecond is { } d && row.Cumulative is { } c
                ? string.Create(C, $"| {row.Second} | {d.Started:0} | {d.Ended:0} | {c.RollbackRate:0.##} | {c.ContextLossPercent:0.##}% | {c.QueueAbandonmentPercent:0.##}% | {c.AbandonmentPercent:0.##}% |\n")
                : string.Create(C, $"| {row.Second} | scrape failed | | | | | |\n"));
        }

        return b.ToString();
    }

    /// <summary>The HTML section: a chart of the rollback rate, context-loss rate, queue abandonment and abandonment over time (empty when the metrics were not read).</summary>
    public static string Html(SimulationSeries? s)
    {
        if (s is null)
        {
            return "";
        }

        var b = new StringBuilder("<h2>Simulation metrics (from the silo)</h2>\n")
            .Append(C, $"<p>{E(s.Status)}. Rates since the warm-up ended, as the silo counted them.</p>\n");
        if (!s.Available)
        {
            return b.ToString();
        }

        var rows = s.Rows.Where(r => r.Cumulative is not null).ToArray();
        if (rows.Length == 0)
        {
            return b.Append("<p>No measured second was scraped, so there is no chart.</p>\n").ToString();
        }

        b.Append(Chart(rows, "%", [
                ("context loss % of switches", "#c62828", c => c.ContextLossPercent),
                ("queue abandonment %", "#ef6c00", c => c.QueueAbandonmentPercent),
                ("abandonment % of ended", "#6a1b9a", c => c.AbandonmentPercent),
            ], "simulation-rates"))
            .Append(Chart(rows, "per 1,000 ended", [("rollback rate", "#1565c0", c => c.RollbackRate)], "simulation-rollbacks"));
        return b.ToString();
    }

    /// <summary>An inline SVG line chart of cumulative simulation rates against the measured second.</summary>
    public static string Chart(IReadOnlyList<SimulationRow> rows, string unit, IReadOnlyList<(string Name, string Color, Func<SimulationCounters, double> Value)> series, string id, string xTitle = "second")
    {
        const double W = 800, H = 240, L = 60, R = 200, T = 15, B = 35;
        var top = rows.SelectMany(r => series.Select(x => x.Value(r.Cumulative!))).DefaultIfEmpty(0).Max();
        var max = top > 0 ? top * 1.1 : 1;
        var n = Math.Max(1, rows.Count - 1);
        double X(int i) => L + ((W - L - R) * i / n);
        double Y(double v) => T + ((H - T - B) * (1 - (v / max)));
        var s = new StringBuilder(string.Create(C, $"<svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\">"));
        for (var k = 0; k <= 4; k++)
        {
            var v = max * k / 4;
            s.Append(C, $"<line x1=\"{L}\" x2=\"{W - R}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#e0e0e0\"/><text x=\"{L - 5}\" y=\"{Y(v) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{v:0.##}</text>");
        }

        s.Append(C, $"<text x=\"{(W - R + L) / 2}\" y=\"{H - 5}\" font-size=\"11\" text-anchor=\"middle\">{E(xTitle)} ({E(unit)})</text>");
        for (var i = 0; i < rows.Count; i += Math.Max(1, rows.Count / 10))
        {
            s.Append(C, $"<text x=\"{X(i):0.#}\" y=\"{H - B + 15}\" font-size=\"11\" text-anchor=\"middle\">{rows[i].Second}</text>");
        }

        for (var j = 0; j < series.Count; j++)
        {
            var (name, color, value) = series[j];
            var points = string.Join(' ', rows.Select((r, i) => string.Create(C, $"{X(i):0.#},{Y(value(r.Cumulative!)):0.#}")));
            s.Append(C, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{points}\"><title>{E(name)}</title></polyline>")
                .Append(C, $"<rect x=\"{W - R + 10}\" y=\"{T + (j * 18)}\" width=\"12\" height=\"3\" fill=\"{color}\"/><text x=\"{W - R + 28}\" y=\"{T + (j * 18) + 5}\" font-size=\"12\">{E(name)}</text>");
        }

        return s.Append("</svg>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
