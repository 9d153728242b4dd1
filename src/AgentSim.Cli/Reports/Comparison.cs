using System.Globalization;
using System.Text;
using AgentSim.Model.Results;

namespace AgentSim.Cli.Reports;

/// <summary>Two runs side by side: the figures architects and educators compare, with the difference.</summary>
public static class Comparison
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The compared figures: name, value in the first run, value in the second, and how to format them.</summary>
    public static IReadOnlyList<(string Measure, double A, double B, string Format)> Rows(RunResults a, RunResults b) =>
    [
        ("resolved", a.OutcomeShares["resolved"], b.OutcomeShares["resolved"], "P1"),
        ("escalated", a.OutcomeShares["escalated"], b.OutcomeShares["escalated"], "P1"),
        ("abandoned", a.OutcomeShares["abandoned"], b.OutcomeShares["abandoned"], "P1"),
        ("failed", a.OutcomeShares["failed"], b.OutcomeShares["failed"], "P1"),
        ("rollbacks", a.Rollbacks.Total, b.Rollbacks.Total, "N0"),
        ("rollbacks per 1,000 conversations", a.Rollbacks.PerThousandConversations, b.Rollbacks.PerThousandConversations, "F2"),
        ("context-loss rate (losses / switches)", a.Context.LossRate, b.Context.LossRate, "P1"),
        ("repeat rate (per conversation)", a.Context.RepeatRate, b.Context.RepeatRate, "F3"),
        ("incidents per 1,000 conversations", a.Incidents.PerThousandConversations, b.Incidents.PerThousandConversations, "F2"),
        ("incidents detected", Share(a.Incidents.Detected, a.Incidents.Total), Share(b.Incidents.Detected, b.Incidents.Total), "P1"),
        ("PII leaks", a.LeaksByChannel.Values.Sum(), b.LeaksByChannel.Values.Sum(), "N0"),
        ("PII leaks on voice", a.LeaksByChannel.GetValueOrDefault("voice"), b.LeaksByChannel.GetValueOrDefault("voice"), "N0"),
        ("latency added by guardrails, mean ms per turn", AddedLatency(a), AddedLatency(b), "F1"),
        ("build effort, person-weeks", a.Effort.ApplicationGuardrailWeeks + a.Effort.ContextStoreWeeks, b.Effort.ApplicationGuardrailWeeks + b.Effort.ContextStoreWeeks, "F0"),
    ];

    /// <summary>The comparison as a markdown table.</summary>
    public static string Markdown(RunResults a, RunResults b)
    {
        var sb = new StringBuilder();
        sb.Append(C, $"# {a.Scenario} compared with {b.Scenario}\n\n");
        sb.Append(C, $"{a.Conversations:N0} and {b.Conversations:N0} conversations; seeds {a.Seed} and {b.Seed}.\n\n");
        sb.Append(C, $"| measure | {a.Scenario} | {b.Scenario} | difference |\n| --- | ---: | ---: | ---: |\n");
        foreach (var (measure, x, y, format) in Rows(a, b))
        {
            sb.Append(C, $"| {measure} | {Format(x, format)} | {Format(y, format)} | {Difference(x, y, format)} |\n");
        }

        return sb.ToString();
    }

    /// <summary>Formats a value.</summary>
    public static string Format(double value, string format) => value.ToString(format, C);

    /// <summary>Formats the difference second − first, signed (percentage points for shares).</summary>
    public static string Difference(double a, double b, string format)
    {
        var d = b - a;
        var sign = d > 0 ? "+" : d < 0 ? "−" : "±";
        return format == "P1"
            ? sign + Math.Abs(d * 100).ToString("F1", C) + " pp"
            : sign + Math.Abs(d).ToString(format, C);
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private static double AddedLatency(RunResults r)
    {
        var turns = r.Latency.Values.Sum(l => l.Turns);
        return turns == 0 ? 0 : r.Latency.Values.Sum(l => l.GuardrailAddedMeanMs * l.Turns) / turns;
    }
}
