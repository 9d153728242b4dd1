using System.Globalization;
using AgentSim.Cli.Reports.Html;
using AgentSim.Model.Experiments;

namespace AgentSim.Cli.Reports;

/// <summary>
/// report.html of a comparison: each key metric as bars with 95% intervals (or, for a sweep, as a curve with its band),
/// the paired differences from the baseline as bars with intervals, then every metric in tables, how the variants were
/// built and the effort model. Self-contained: inline SVG, no script, no network.
/// </summary>
public static class CompareHtml
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The page.</summary>
    public static string Render(ComparisonResult result, string scenario)
    {
        ArgumentNullException.ThrowIfNull(result);
        var page = new HtmlPage(CompareReport.Title(result, scenario), CompareReport.Setup(result));
        page.Callout(CompareReport.Reading);
        page.Section("Variants")
            .Table(
                ["variant", "what it is", "placement by kind"],
                result.Variants.Select(v => (IReadOnlyList<string>)[v.Name, v.Description, v.PlacementByKind.Count == 0 ? "no guardrails" : string.Join(", ", v.PlacementByKind.Select(kv => $"{kv.Key}: {kv.Value}"))]));
        var key = ExperimentMetric.All.Where(m => m.IsKey).ToList();
        var sweep = result.Kind == "sweep" && result.Variants.All(v => v.X is not null);
        foreach (var m in key)
        {
            var (scale, _) = CompareReport.Scale(m);
            var unit = m.IsShare ? "%" : m.Unit;
            page.Section(m.Label);
            if (sweep)
            {
                var points = result.Variants.Select(v => v.Estimates[m.Key]).Zip(result.Variants, (e, v) => new LinePoint(v.X!.Value, e.Mean * scale, Finite(e.Low * scale), Finite(e.High * scale))).ToList();
                page.Figure(SvgCharts.Lines($"{m.Label} against {result.SweepPath}", result.SweepPath ?? "value", unit, [new LineSeries(m.Label, points)]), "mean over replications; the band is the 95% interval");
            }
            else
            {
                var bars = result.Variants.Select(v => new BarItem(v.Name, v.Estimates[m.Key].Mean * scale, Finite(v.Estimates[m.Key].Low * scale), Finite(v.Estimates[m.Key].High * scale))).ToList();
                Bars(page, $"{m.Label}: mean with 95% interval", unit, bars, "mean over replications with its 95% interval", $"{m.Label}: 0 in every variant and every replication.");
            }

            if (result.Variants.Count > 1)
            {
                var diffUnit = m.IsShare ? "percentage points" : unit;
                var diffs = result.Variants.Skip(1).Select(v => new BarItem($"{v.Name} − {result.Baseline}", v.Differences![m.Key].Mean * scale, Finite(v.Differences[m.Key].Low * scale), Finite(v.Differences[m.Key].High * scale))).ToList();
                Bars(page, $"{m.Label}: difference from {result.Baseline}", diffUnit, diffs, "paired by replication (same seeds, same conversations); an interval that excludes 0 is a difference the replications can tell", $"{m.Label}: no variant differs from {result.Baseline} in any replication.");
            }
        }

        page.Section("Every metric (mean ± 95% interval half-width)")
            .Table(
                ["metric", .. result.Variants.Select(v => v.Name)],
                ExperimentMetric.All.Select(m => (IReadOnlyList<string>)[Label(m), .. result.Variants.Select(v => CompareReport.Value(m, v.Estimates[m.Key]))]));
        if (result.Variants.Count > 1)
        {
            page.Section($"Differences from {result.Baseline} [95% interval]; * excludes 0")
                .Table(
                    ["metric", .. result.Variants.Skip(1).Select(v => v.Name)],
                    ExperimentMetric.All.Select(m => (IReadOnlyList<string>)[Label(m), .. result.Variants.Skip(1).Select(v => CompareReport.Difference(m, v.Differences![m.Key]))]));
        }

        var notes = result.Variants.SelectMany(v => v.Notes.Select(n => $"{v.Name}: {n}")).ToList();
        if (notes.Count > 0)
        {
            page.Section("How the variants were built").List(notes);
        }

        page.Section("Effort model: the guardrail tax").List(result.Settings.Effort.Assumptions());
        page.Section("Runs")
            .Paragraph(string.Create(C, $"Seeds: {string.Join(", ", result.Settings.Seeds)}. Every run's values are in runs.csv and results.json; rerun one with agentsim run SCENARIO --seed SEED --conversations {result.Settings.Conversations}."));
        return page.Render();
    }

    // Bars whose every value and interval is 0 would draw nothing: say so in a sentence instead.
    private static void Bars(HtmlPage page, string title, string unit, IReadOnlyList<BarItem> bars, string caption, string allZero)
    {
        if (bars.All(b => b.Value == 0 && (b.Low ?? 0) == 0 && (b.High ?? 0) == 0))
        {
            page.Paragraph(allZero);
            return;
        }

        page.Figure(SvgCharts.Bars(title, unit, bars), caption);
    }

    private static string Label(ExperimentMetric m) => CompareReport.LabelWithUnit(m);

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}
