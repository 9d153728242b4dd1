using System.Globalization;
using AgentSim.Cli.Output;
using AgentSim.Model.Results;

namespace AgentSim.Cli.Reports;

/// <summary>Builds the summary tables of a run from its results and run info.</summary>
public static class RunSummary
{
    /// <summary>The tables, in the order they are shown.</summary>
    public static IReadOnlyList<SummaryTable> Build(RunResults results, RunInfo info) =>
    [
        Run(results, info),
        Outcomes(results),
        Abandonment(results),
        Queues(results),
        Agents(results),
        Providers(results),
        Trust(results),
        Incidents(results),
        Leaks(results),
        Latency(results),
        Guardrails(results),
    ];

    private static SummaryTable Run(RunResults r, RunInfo info) => new(
        "Run",
        ["item", "value"],
        [
            ["scenario", r.Scenario],
            ["seed", r.Seed.ToString(CultureInfo.InvariantCulture)],
            ["conversations", Count(r.Conversations)],
            ["simulated time", $"{Number(r.SimulatedSeconds / 3600, 2)} h"],
            ["guardrail placement", r.PlacementByKind.Count == 0 ? r.Placement : $"{r.Placement} ({string.Join(", ", r.PlacementByKind.Select(kv => $"{kv.Key}: {kv.Value}"))})"],
            ["build effort", $"{Number(r.Effort.ApplicationGuardrailWeeks, 0)} person-weeks of application guardrails, {Number(r.Effort.ContextStoreWeeks, 0)} of context store"],
            ["engine", $"{info.Engine} (parallelism {info.Parallelism})"],
            ["wall time", $"{Number(info.DurationSeconds, 2)} s ({Count((long)info.ConversationsPerSecond)} conversations/s)"],
        ]);

    private static SummaryTable Outcomes(RunResults r) => new(
        "Outcomes",
        ["outcome", "conversations", "share"],
        [.. r.Outcomes.Select(kv => (IReadOnlyList<string>)[kv.Key, Count(kv.Value), Percent(r.OutcomeShares.GetValueOrDefault(kv.Key))])]);

    private static SummaryTable Trust(RunResults r) => new(
        "Rollbacks and context",
        ["measure", "value"],
        [
            ["rollbacks", Count(r.Rollbacks.Total)],
            ["rollback rate (per 1,000 conversations)", Number(r.Rollbacks.PerThousandConversations, 2)],
            ["agents rolled back", Percent(r.Rollbacks.AgentsRolledBackShare)],
            ["channel switches", Count(r.Context.Switches)],
            ["context losses", Count(r.Context.Losses)],
            ["context-loss rate (losses / switches)", Percent(r.Context.LossRate)],
            ["customer repeats", Count(r.Context.Repeats)],
            ["repeat rate (per conversation)", Number(r.Context.RepeatRate, 3)],
        ]);

    private static SummaryTable Incidents(RunResults r) => new(
        "Incidents by kind",
        ["kind", "incidents", "detected", "detected share", "time to detect p50 (s)", "time to detect mean (s)"],
        [.. r.Incidents.ByKind.Select(kv => (IReadOnlyList<string>)
        [
            kv.Key,
            Count(kv.Value.Total),
            Count(kv.Value.Detected),
            Percent(kv.Value.DetectedShare),
            Number(kv.Value.TimeToDetectP50Seconds, 1),
            Number(kv.Value.TimeToDetectMeanSeconds, 1),
        ])]);

    private static SummaryTable Leaks(RunResults r) => new(
        "PII leaks by channel",
        ["channel", "leaks"],
        [.. r.LeaksByChannel.Select(kv => (IReadOnlyList<string>)[kv.Key, Count(kv.Value)])]);

    private static SummaryTable Latency(RunResults r) => new(
        "Turn latency by channel",
        ["channel", "turns", "p50 (ms)", "p99 (ms)", "added by guardrails, mean (ms)", "added by guardrails, p99 (ms)"],
        [.. r.Latency.Select(kv => (IReadOnlyList<string>)
        [
            kv.Key,
            Count(kv.Value.Turns),
            Number(kv.Value.P50Ms, 1),
            Number(kv.Value.P99Ms, 1),
            Number(kv.Value.GuardrailAddedMeanMs, 1),
            Number(kv.Value.GuardrailAddedP99Ms, 1),
        ])]);

    private static SummaryTable Abandonment(RunResults r) => new(
        "Abandoned, by reason",
        ["reason", "conversations"],
        [.. r.Abandonment.Select(kv => (IReadOnlyList<string>)[kv.Key, Count(kv.Value)])]);

    private static SummaryTable Agents(RunResults r) => new(
        "AI agents (capacity)",
        ["agent", "concurrency", "answers", "peak load (Erlangs)", "peak utilisation", "answers that waited", "mean wait (ms)"],
        [.. r.Agents.Select(kv => (IReadOnlyList<string>)
        [
            kv.Key,
            kv.Value.Concurrency is { } c ? Count(c) : "unlimited",
            Count(kv.Value.Answers),
            Number(kv.Value.PeakBusyErlangs, 1),
            kv.Value.Concurrency is null ? "—" : Percent(kv.Value.PeakUtilisation),
            Percent(kv.Value.WaitedShare),
            Number(kv.Value.MeanWaitMs, 0),
        ])]);

    private static SummaryTable Providers(RunResults r) => new(
        "Providers (quota)",
        ["provider", "quota (requests/s)", "peak utilisation", "ok", "throttled", "error", "unavailable"],
        [.. r.ProviderLoad.Select(kv => (IReadOnlyList<string>)
        [
            kv.Key,
            kv.Value.QuotaPerSecond > 0 ? Number(kv.Value.QuotaPerSecond, 0) : "unlimited",
            kv.Value.QuotaPerSecond > 0 ? Percent(kv.Value.PeakUtilisation) : "—",
            Count(r.Providers[kv.Key]["ok"]),
            Count(r.Providers[kv.Key]["throttled"]),
            Count(r.Providers[kv.Key]["error"]),
            Count(r.Providers[kv.Key]["unavailable"]),
        ])]);

    private static SummaryTable Queues(RunResults r) => new(
        "Human queues",
        ["queue", "servers", "offered", "answered", "abandoned", "P(wait)", "mean wait (s)", "p90 wait (s)", "service level", "occupancy"],
        [.. r.Queues.Select(kv => (IReadOnlyList<string>)
        [
            kv.Key,
            kv.Value.Servers is { } servers ? Count(servers) : "unlimited",
            Count(kv.Value.Offered),
            Count(kv.Value.Answered),
            Count(kv.Value.Abandoned),
            Percent(kv.Value.WaitProbability),
            Number(kv.Value.MeanWaitSeconds, 1),
            Number(kv.Value.WaitP90Seconds, 1),
            Percent(kv.Value.ServiceLevel),
            Percent(kv.Value.Occupancy),
        ])]);

    private static SummaryTable Guardrails(RunResults r) => new(
        "Guardrail layers",
        ["guardrail", "kind", "placement", "stage", "checks", "blocked or masked", "missed", "p50 (ms)", "p99 (ms)"],
        [.. r.Guardrails.Select(kv => (IReadOnlyList<string>)
        [
            kv.Key,
            kv.Value.Kind,
            kv.Value.Placement,
            kv.Value.Stage,
            Count(kv.Value.Checks.Values.Sum()),
            Count(kv.Value.Checks.GetValueOrDefault("block") + kv.Value.Checks.GetValueOrDefault("mask")),
            Count(kv.Value.Checks.GetValueOrDefault("miss")),
            Number(kv.Value.LatencyP50Ms, 1),
            Number(kv.Value.LatencyP99Ms, 1),
        ])]);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
