using System.Globalization;
using AgentSim.Cli.Reports.Html;
using AgentSim.Model.Experiments;

namespace AgentSim.Cli.Reports;

/// <summary>report.html of the infrastructure-gap experiment: one self-contained page for a projector (every HTML call of the gap report is here).</summary>
public static class GapReportHtml
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Renders the page.</summary>
    public static string Render(GapReport report, string scenario)
    {
        ArgumentNullException.ThrowIfNull(report);
        var a = report.Assumptions;
        var e = report.Estimates;
        var page = new HtmlPage(
            "The infrastructure gap",
            string.Create(C, $"{a.Replications} replications × {a.Enterprises} enterprises × {a.HorizonConversations:N0} conversations (each {report.HorizonHours:0.##} h of simulated time), base scenario {scenario}, seed {report.Seed}"));
        page.Callout(report.Caveat);
        page.Paragraph(report.SuccessDefinition);
        page.Paragraph(GapReportText.Findings(report));

        page.Section("Survey and simulation");
        page.Table(
            ["figure", "role", "survey", "simulated (95% interval)", "survey's sentence", "note"],
            report.Survey.Select(r => (IReadOnlyList<string>)[r.Figure, r.Role, r.SurveyText, GapReportText.Format(r.Simulated, r.Figure.StartsWith("r(", StringComparison.Ordinal) ? "F3" : "P1"), r.Source, r.Note]),
            "Inputs are drawn at the survey's shares; outcomes are what the simulation produced. Intervals: 95% t over replications.");

        page.Section("Which predicts deployment success?");
        var bars = new List<BarItem>();
        AddBar(bars, "infrastructure quality", e.InfrastructureR);
        AddBar(bars, "guardrail investment", e.GuardrailR);
        if (bars.Count > 0)
        {
            page.Figure(SvgCharts.Bars("Correlation with deployment success", "Pearson r (mean over replications, 95% interval)", bars), "r per replication, averaged; whiskers: 95% t interval over replications. The survey's 0.52 is satisfaction vs confidence, a different pair of variables.");
        }

        page.Table(
            ["predictor", "r (95% interval)"],
            [["infrastructure quality", GapReportText.Format(e.InfrastructureR)], ["guardrail investment", GapReportText.Format(e.GuardrailR)], ["difference (paired)", GapReportText.Format(e.Difference)]]);
        if (GapReportText.UndefinedNote(report) is { Length: > 0 } note)
        {
            page.Callout(note);
        }

        var first = report.Enterprises.Where(x => x.Replication == 0).ToList();
        var points = first.Select(x => new ScatterPoint(x.InfrastructureQuality + Jitter(x.Index), x.Success, x.RolledBack ? "rolled back" : "never rolled back")).ToList();
        var fit = Fit(first.Select(x => x.InfrastructureQuality).ToList(), first.Select(x => x.Success).ToList());
        page.Figure(
            SvgCharts.Scatter("Infrastructure quality vs deployment success (replication 1)", "infrastructure quality (share of the four gaps absent)", "deployment success", points, fit),
            "Each point an enterprise; quality takes five values, spread sideways by up to ±0.04 so points do not hide each other. Dashed: least-squares line.");

        page.Section("Mean success by number of gaps, and by each factor");
        var gapBars = report.ByGaps.Where(g => g.Value.Mean is not null).Select(g => Bar($"{g.Group} (n={g.Enterprises})", g.Value)).ToList();
        if (gapBars.Count > 0)
        {
            page.Figure(SvgCharts.Bars("Mean deployment success by number of infrastructure gaps", "mean success (95% interval)", gapBars), "n: enterprises over all replications; a replication with no enterprise in a group leaves that group out of its mean.");
        }

        var factorBars = report.ByFactor.Where(g => g.Value.Mean is not null).Select(g => Bar(g.Group, g.Value)).ToList();
        if (factorBars.Count > 0)
        {
            page.Figure(SvgCharts.Bars("Each factor: mean success with it minus without it", "difference in mean success (95% interval)", factorBars), "Negative: enterprises with the factor do worse. Every factor is drawn independently of the others.");
        }

        page.Section("How much of the variance each explains (R² partition)");
        var parts = GapReportText.Partition(report).Where(p => p.Value.Mean is not null).Select(p => Bar(p.Short, p.Value)).ToList();
        if (parts.Count > 0)
        {
            page.Figure(SvgCharts.Bars("R² of deployment success", "share of variance (95% interval)", parts), "Least-squares R² with the four gap indicators, with guardrail investment, and with both; unique parts are what each adds to the other; adjusted R² removes what unrelated predictors would explain by chance.");
            page.Table(["part", "R² (95% interval)"], GapReportText.Partition(report).Select(p => (IReadOnlyList<string>)[p.Name, GapReportText.Format(p.Value)]));
        }
        else
        {
            page.Paragraph("R² is undefined: deployment success does not vary.");
        }

        if (report.Sensitivity is { Count: > 0 } sensitivity)
        {
            page.Section("Sensitivity to the horizon");
            var series = new List<LineSeries>();
            AddLine(series, "r(infrastructure)", sensitivity.Select(s => (s.HorizonConversations, s.InfrastructureR)));
            AddLine(series, "r(guardrail investment)", sensitivity.Select(s => (s.HorizonConversations, s.GuardrailR)));
            AddLine(series, "share rolled back", sensitivity.Select(s => (s.HorizonConversations, s.RolledBackShare)));
            if (series.Count > 0)
            {
                page.Figure(SvgCharts.Lines("Estimates against horizon length", "conversations per enterprise", "value (95% band)", series));
            }

            page.Table(
                ["conversations", "simulated hours", "r(infrastructure)", "r(guardrails)", "rolled back", "rolled back, most governed", "mean success"],
                sensitivity.Select(s => (IReadOnlyList<string>)[s.HorizonConversations.ToString("N0", C), s.HorizonHours.ToString("0.##", C), GapReportText.Format(s.InfrastructureR), GapReportText.Format(s.GuardrailR), GapReportText.Format(s.RolledBackShare, "P1"), GapReportText.Format(s.MostGovernedRolledBackShare, "P1"), GapReportText.Format(s.MeanSuccess)]));
        }

        page.Section("Assumptions");
        page.List(GapReportText.AssumptionLines(a));
        page.Paragraph("Change them in a copy of scenarios/experiments/gap-assumptions.yaml and run agentsim gap --assumptions FILE; the values used are in assumptions.yaml beside this page.");
        return page.Render();
    }

    private static void AddBar(List<BarItem> bars, string label, GapEstimate e)
    {
        if (e.Mean is not null)
        {
            bars.Add(Bar(label, e));
        }
    }

    private static BarItem Bar(string label, GapEstimate e) => new(label, e.Mean ?? 0, e.Low, e.High);

    private static void AddLine(List<LineSeries> series, string name, IEnumerable<(int X, GapEstimate Y)> values)
    {
        var points = values.Where(v => v.Y.Mean is not null).Select(v => new LinePoint(v.X, v.Y.Mean!.Value, v.Y.Low, v.Y.High)).ToList();
        if (points.Count > 0)
        {
            series.Add(new LineSeries(name, points));
        }
    }

    // A deterministic sideways offset in [-0.04, 0.04] so enterprises with the same quality do not cover each other.
    private static double Jitter(int index) => ((((index * 2654435761u) >> 8) % 1000) / 1000.0 * 0.08) - 0.04;

    private static (double Intercept, double Slope)? Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 2)
        {
            return null;
        }

        var mx = x.Average();
        var my = y.Average();
        var sxx = x.Sum(v => (v - mx) * (v - mx));
        if (sxx == 0)
        {
            return null;
        }

        var slope = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum() / sxx;
        return (my - (slope * mx), slope);
    }
}
