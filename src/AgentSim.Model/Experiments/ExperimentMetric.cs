using AgentSim.Model.Channels;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using AgentSim.Model.Results;
using AgentSim.Model.Tallies;

namespace AgentSim.Model.Experiments;

/// <summary>Which way a metric should move for the variant to be better.</summary>
public enum Better
{
    /// <summary>Lower is better (rollbacks, leaks, latency, effort).</summary>
    Lower,

    /// <summary>Higher is better (resolution, detected share).</summary>
    Higher,
}

/// <summary>One figure an experiment compares: its key in results.json and the CSV files, a label, a unit and how to read it from a run.</summary>
/// <param name="Key">snake_case key.</param>
/// <param name="Label">What a reader sees.</param>
/// <param name="Unit">Unit: <c>%</c> (a share, kept as 0..1), <c>ms</c>, <c>s</c>, <c>min</c>, <c>per 1,000</c>, <c>person-weeks</c>, or empty.</param>
/// <param name="Better">Which way is better.</param>
/// <param name="IsKey">Whether it is one of the key metrics a report charts (the rest are in the tables and CSV files).</param>
/// <param name="Read">Reads the value from a run's results and outcome.</param>
public sealed record ExperimentMetric(string Key, string Label, string Unit, Better Better, bool IsKey, Func<RunResults, RunOutcome, EffortModel, double> Read)
{
    /// <summary>Whether the value is a share (0..1) shown as a percentage.</summary>
    public bool IsShare => Unit == "%";

    /// <summary>
    /// Every metric an experiment reports, key metrics first: resolution, rollbacks, context loss and repeats, incidents
    /// reaching customers (all, by kind, by channel), detection, turn latency, latency added by guardrails, queues and
    /// abandonment, and the engineering effort of <see cref="EffortModel"/> (the guardrail tax).
    /// </summary>
    public static IReadOnlyList<ExperimentMetric> All { get; } = Build();

    private static List<ExperimentMetric> Build()
    {
        var list = new List<ExperimentMetric>
        {
            new("resolution_rate", "Resolved by the AI", "%", Better.Higher, true, (r, _, _) => r.OutcomeShares.GetValueOrDefault("resolved")),
            new("rollbacks_per_1000", "Rollbacks per 1,000 conversations", "per 1,000", Better.Lower, true, (r, _, _) => r.Rollbacks.PerThousandConversations),
            new("agents_rolled_back", "Agents rolled back at least once", "%", Better.Lower, false, (r, _, _) => r.Rollbacks.AgentsRolledBackShare),
            new("context_loss_rate", "Context lost per channel switch", "%", Better.Lower, true, (r, _, _) => r.Context.LossRate),
            new("repeat_rate", "Customer repeats per conversation", "", Better.Lower, false, (r, _, _) => r.Context.RepeatRate),
            new("incidents_per_1000", "Incidents reaching customers per 1,000 conversations", "per 1,000", Better.Lower, true, (r, _, _) => r.Incidents.PerThousandConversations),
            new("detected_share", "Incidents detected", "%", Better.Higher, true, (r, _, _) => Ratio(r.Incidents.Detected, r.Incidents.Total)),
            new("time_to_detect_minutes", "Mean time to detect an incident", "min", Better.Lower, false, (r, _, _) => TimeToDetectMinutes(r)),
            new("turn_latency_p50_ms", "Turn latency p50", "ms", Better.Lower, false, (_, o, _) => TurnQuantile(o, 0.5)),
            new("turn_latency_p99_ms", "Turn latency p99", "ms", Better.Lower, true, (_, o, _) => TurnQuantile(o, 0.99)),
            new("guardrail_latency_mean_ms", "Latency added by guardrails, mean per turn", "ms", Better.Lower, true, (r, _, _) => AddedLatencyMean(r)),
            new("guardrail_latency_p99_ms", "Latency added by guardrails, p99 per turn", "ms", Better.Lower, false, (_, o, _) => GuardrailQuantile(o, 0.99)),
            new("queue_wait_mean_seconds", "Mean wait in human queues", "s", Better.Lower, false, (r, _, _) => QueueWait(r)),
            new("queue_abandonment", "Left a human queue before an answer", "%", Better.Lower, true, (r, _, _) => Ratio(r.Queues.Values.Sum(q => q.Abandoned), r.Queues.Values.Sum(q => q.Offered))),
            new("abandonment", "Conversations abandoned (all reasons)", "%", Better.Lower, false, (r, _, _) => r.OutcomeShares.GetValueOrDefault("abandoned")),
            new("failed", "Conversations failed (provider errors)", "%", Better.Lower, false, (r, _, _) => r.OutcomeShares.GetValueOrDefault("failed")),
            new("custom_guardrails", "Custom guardrail layers built", "", Better.Lower, false, (r, _, _) => r.Effort.ApplicationGuardrails),
            new("guardrail_channels", "Channels the custom layers must cover (summed)", "", Better.Lower, false, (r, _, _) => r.Effort.ApplicationGuardrailChannels),
            new("guardrail_build_weeks", "Guardrail build effort", "person-weeks", Better.Lower, false, (r, _, _) => r.Effort.ApplicationGuardrailWeeks),
            new("guardrail_tax_weeks", "Guardrail tax: build + maintenance over the horizon", "person-weeks", Better.Lower, true, (r, _, e) => e.Tax(r.Effort.ApplicationGuardrailWeeks)),
            new("context_store_weeks", "Context store build effort", "person-weeks", Better.Lower, false, (r, _, _) => r.Effort.ContextStoreWeeks),
        };
        foreach (var kind in Enum.GetValues<IncidentKind>())
        {
            var name = kind.Name();
            list.Add(new($"incidents_{name}_per_1000", $"Incidents per 1,000: {name}", "per 1,000", Better.Lower, false,
                (r, _, _) => r.Incidents.ByKind.TryGetValue(name, out var k) ? PerThousand(k.Total, r.Conversations) : 0));
        }

        foreach (var channel in ChannelInfo.All)
        {
            var name = channel.Name();
            list.Add(new($"incidents_on_{name}_per_1000", $"Incidents per 1,000 on {name}", "per 1,000", Better.Lower, false,
                (r, _, _) => PerThousand(r.Incidents.ByKind.Values.Sum(k => k.ByChannel.GetValueOrDefault(name)), r.Conversations)));
        }

        return list;
    }

    private static double Ratio(double a, double b) => b == 0 ? 0 : a / b;

    private static double PerThousand(long count, long conversations) => conversations == 0 ? 0 : count * 1000.0 / conversations;

    private static double TimeToDetectMinutes(RunResults r)
    {
        var detected = r.Incidents.ByKind.Values.Sum(k => k.Detected);
        return detected == 0 ? 0 : r.Incidents.ByKind.Values.Sum(k => k.TimeToDetectMeanSeconds * k.Detected) / detected / 60;
    }

    private static double AddedLatencyMean(RunResults r)
    {
        var turns = r.Latency.Values.Sum(l => l.Turns);
        return turns == 0 ? 0 : r.Latency.Values.Sum(l => l.GuardrailAddedMeanMs * l.Turns) / turns;
    }

    private static double QueueWait(RunResults r)
    {
        var offered = r.Queues.Values.Sum(q => q.Offered);
        return offered == 0 ? 0 : r.Queues.Values.Sum(q => q.MeanWaitSeconds * q.Offered) / offered;
    }

    // Quantiles over every channel's turns: the channels' histograms added up, not an average of their quantiles.
    private static double TurnQuantile(RunOutcome o, double q) => Quantile(o, q, (t, c) => t.TurnHistogram(c));

    private static double GuardrailQuantile(RunOutcome o, double q) => Quantile(o, q, (t, c) => t.GuardrailTurnHistogram(c));

    private static double Quantile(RunOutcome o, double q, Func<RunTally, Channel, ReadOnlySpan<long>> histogram)
    {
        var sum = new long[LatencyHistogram.Buckets];
        foreach (var c in ChannelInfo.All)
        {
            var h = histogram(o.Tally, c);
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += h[i];
            }
        }

        return LatencyHistogram.Quantile(sum, q) / 1000;
    }
}

/// <summary>
/// The effort model behind the guardrail tax: custom guardrail layers × the channels each must cover × the scenario's
/// weeks per channel is the build; a share of the build every year keeps them working (new channels' quirks, model and
/// regulation changes); the tax is build + maintenance over the horizon.
/// </summary>
/// <param name="MaintenanceSharePerYear">Share of the build spent each year on maintenance (assumed 0.2: the common rule of thumb of 15-20% of development cost a year).</param>
/// <param name="Years">Horizon over which the tax is counted.</param>
public sealed record EffortModel(double MaintenanceSharePerYear = 0.2, double Years = 3)
{
    /// <summary>Build plus maintenance over the horizon, person-weeks.</summary>
    public double Tax(double buildWeeks) => buildWeeks * (1 + (MaintenanceSharePerYear * Years));

    /// <summary>The assumptions as a reader sees them.</summary>
    public IReadOnlyList<string> Assumptions() =>
    [
        "Build: each custom (application) guardrail layer × each channel it must cover × the scenario's engineering_weeks_per_channel for that layer.",
        $"Maintenance: {MaintenanceSharePerYear.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)} of the build per year (rule of thumb; --maintenance-share).",
        $"Guardrail tax = build × (1 + maintenance share × {Years.ToString(System.Globalization.CultureInfo.InvariantCulture)} years) (--effort-years).",
        "Platform-native layers cost the team no build weeks here (their price is the provider's, not modelled).",
        "The context store is counted apart: pairs × the scenario's engineering_weeks_per_pair.",
    ];
}
