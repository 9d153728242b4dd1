using System.Globalization;
using AgentSim.Cli.Reports.Html;
using AgentSim.Model.Results;

namespace AgentSim.Cli.Reports;

/// <summary>
/// report.html of <c>agentsim run</c>: the run's key figures as a self-contained page for a projector. Built from the
/// simulated results only, so the same scenario and seed give the same bytes.
/// </summary>
public static class RunReport
{
    /// <summary>The page.</summary>
    public static string Render(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var r = results;
        var page = new HtmlPage(
            $"AgentSim run: {r.Scenario}",
            $"Scenario {r.Scenario} · seed {r.Seed.ToString(CultureInfo.InvariantCulture)} · {Count(r.Conversations)} conversations · {Number(r.SimulatedSeconds / 3600, 2)} simulated hours · guardrail placement {r.Placement}");
        page.Callout("A simulation illustrates a mechanism: these figures follow from the scenario's assumptions and seed, not from measurements of a real deployment.");

        Outcomes(page, r);
        RollbacksAndContext(page, r);
        Incidents(page, r);
        Latency(page, r);
        Queues(page, r);
        Effort(page, r);
        return page.Render();
    }

    private static void Outcomes(HtmlPage page, RunResults r)
    {
        page.Section("Outcomes");
        BarsOrParagraph(page, "Share of conversations by outcome", "% of conversations",
            [.. r.OutcomeShares.Select(kv => new BarItem(kv.Key, kv.Value * 100))], "No conversations ended.");
        page.Table(["outcome", "conversations", "share"],
            [.. r.Outcomes.Select(kv => (IReadOnlyList<string>)[kv.Key, Count(kv.Value), Percent(r.OutcomeShares.GetValueOrDefault(kv.Key))])]);
        if (r.Abandonment.Values.Sum() > 0)
        {
            page.Table(["reason", "conversations"], [.. r.Abandonment.Select(kv => (IReadOnlyList<string>)[kv.Key, Count(kv.Value)])], "Abandoned, by reason");
        }
    }

    private static void RollbacksAndContext(HtmlPage page, RunResults r)
    {
        page.Section("Rollbacks and context");
        page.Table(["measure", "value"],
        [
            ["rollbacks", Count(r.Rollbacks.Total)],
            ["rollbacks per 1,000 conversations", Number(r.Rollbacks.PerThousandConversations, 2)],
            ["agents rolled back at least once", Percent(r.Rollbacks.AgentsRolledBackShare)],
            ["channel switches", Count(r.Context.Switches)],
            ["context losses", Count(r.Context.Losses)],
            ["context-loss rate (losses / switches)", Percent(r.Context.LossRate)],
            ["customer repeats", Count(r.Context.Repeats)],
            ["repeat rate (per conversation)", Number(r.Context.RepeatRate, 3)],
        ]);
    }

    private static void Incidents(HtmlPage page, RunResults r)
    {
        page.Section("Incidents");
        page.Paragraph($"{Count(r.Incidents.Total)} incidents ({Number(r.Incidents.PerThousandConversations, 2)} per 1,000 conversations), {Count(r.Incidents.Detected)} of them detected.");
        if (r.Incidents.Total == 0)
        {
            return;
        }

        BarsOrParagraph(page, "Incidents by kind", "incidents", [.. r.Incidents.ByKind.Select(kv => new BarItem(kv.Key, kv.Value.Total))], "No incidents.");
        BarsOrParagraph(page, "Share of incidents detected, by kind", "% detected", [.. r.Incidents.ByKind.Select(kv => new BarItem(kv.Key, kv.Value.DetectedShare * 100))], "No incident was detected.");
        var byChannel = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var channel in r.Incidents.ByKind.Values.SelectMany(k => k.ByChannel))
        {
            byChannel[channel.Key] = byChannel.GetValueOrDefault(channel.Key) + channel.Value;
        }

        BarsOrParagraph(page, "Incidents by channel", "incidents", [.. byChannel.Select(kv => new BarItem(kv.Key, kv.Value))], "No incident was attributed to a channel.");
        page.Table(["kind", "incidents", "detected", "detected share", "time to detect p50 (s)", "time to detect mean (s)"],
            [.. r.Incidents.ByKind.Select(kv => (IReadOnlyList<string>)
            [
                kv.Key, Count(kv.Value.Total), Count(kv.Value.Detected), Percent(kv.Value.DetectedShare),
                Number(kv.Value.TimeToDetectP50Seconds, 1), Number(kv.Value.TimeToDetectMeanSeconds, 1),
            ])],
            "Incidents by kind");
        if (r.LeaksByChannel.Count > 0)
        {
            page.Table(["channel", "PII leaks"], [.. r.LeaksByChannel.Select(kv => (IReadOnlyList<string>)[kv.Key, Count(kv.Value)])], "PII leaks by channel");
        }
    }

    private static void Latency(HtmlPage page, RunResults r)
    {
        page.Section("Turn latency");
        if (r.Latency.Count == 0)
        {
            page.Paragraph("No turns were taken.");
            return;
        }

        BarsOrParagraph(page, "Turn latency p50 by channel", "milliseconds", [.. r.Latency.Select(kv => new BarItem(kv.Key, kv.Value.P50Ms))], "No turn latency was recorded.");
        BarsOrParagraph(page, "Turn latency p99 by channel", "milliseconds", [.. r.Latency.Select(kv => new BarItem(kv.Key, kv.Value.P99Ms))], "No turn latency was recorded.");
        BarsOrParagraph(page, "Latency added by guardrails per turn, mean by channel", "milliseconds", [.. r.Latency.Select(kv => new BarItem(kv.Key, kv.Value.GuardrailAddedMeanMs))], "Guardrails added no latency.");
        page.Table(["channel", "turns", "p50 (ms)", "p99 (ms)", "added by guardrails, mean (ms)", "added by guardrails, p99 (ms)"],
            [.. r.Latency.Select(kv => (IReadOnlyList<string>)
            [
                kv.Key, Count(kv.Value.Turns), Number(kv.Value.P50Ms, 1), Number(kv.Value.P99Ms, 1),
                Number(kv.Value.GuardrailAddedMeanMs, 1), Number(kv.Value.GuardrailAddedP99Ms, 1),
            ])],
            "Turn latency by channel");
    }

    private static void Queues(HtmlPage page, RunResults r)
    {
        page.Section("Human queues");
        if (r.Queues.Count == 0)
        {
            page.Paragraph("This scenario has no human queues.");
            return;
        }

        BarsOrParagraph(page, "Service level by queue", "% answered within the threshold", [.. r.Queues.Select(kv => new BarItem(kv.Key, kv.Value.ServiceLevel * 100))], "No queue answered anyone within its threshold.");
        BarsOrParagraph(page, "Mean wait by queue", "seconds", [.. r.Queues.Select(kv => new BarItem(kv.Key, kv.Value.MeanWaitSeconds))], "Nobody waited in a queue.");
        page.Table(["queue", "servers", "offered", "answered", "abandoned", "P(wait)", "mean wait (s)", "p90 wait (s)", "service level", "occupancy"],
            [.. r.Queues.Select(kv => (IReadOnlyList<string>)
            [
                kv.Key,
                kv.Value.Servers is { } servers ? Count(servers) : "unlimited",
                Count(kv.Value.Offered), Count(kv.Value.Answered), Count(kv.Value.Abandoned), Percent(kv.Value.WaitProbability),
                Number(kv.Value.MeanWaitSeconds, 1), Number(kv.Value.WaitP90Seconds, 1), Percent(kv.Value.ServiceLevel), Percent(kv.Value.Occupancy),
            ])],
            "Human queues");
    }

    private static void Effort(HtmlPage page, RunResults r)
    {
        page.Section("Build effort");
        page.Table(["effort", "person-weeks"],
        [
            ["application guardrails (layers × channels × weeks per channel)", Number(r.Effort.ApplicationGuardrailWeeks, 1)],
            ["context store (pairs × weeks per pair)", Number(r.Effort.ContextStoreWeeks, 1)],
        ]);
    }

    // A bar chart when some bar has a length (a chart of zero-length bars draws nothing), else a sentence saying so.
    private static void BarsOrParagraph(HtmlPage page, string title, string unit, IReadOnlyList<BarItem> items, string whenEmpty)
    {
        if (items.Any(i => double.IsFinite(i.Value) && i.Value != 0))
        {
            page.Figure(SvgCharts.Bars(title, unit, items));
        }
        else
        {
            page.Paragraph(whenEmpty);
        }
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
