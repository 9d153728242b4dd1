using AgentSim.Model.Configuration;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads the small composite specs shared by several sections (latency, range, availability, behaviour), merged over defaults.</summary>
internal static class Specs
{
    private static readonly string[] LatencyKeys = ["p50_ms", "p99_ms"];
    private static readonly string[] RangeKeys = ["min", "max"];
    private static readonly string[] AvailabilityKeys = ["mtbf_hours", "mttr_minutes"];

    /// <summary>Keys of an agent behaviour block.</summary>
    public static IReadOnlyList<string> BehaviourKeys { get; } =
    [
        "resolve_rate", "escalate_rate", "hallucination_rate", "context_loss_hallucination_multiplier",
        "pii_echo_rate", "injection_comply_rate", "unsafe_rate", "unsafe_after_abuse_multiplier",
    ];

    /// <summary>Reads <c>{p50_ms, p99_ms}</c> over the defaults (both required without defaults); checks p50 &gt; 0 and p99 ≥ p50.</summary>
    public static LatencySpec Latency(ReadContext context, YamlNode node, string path, LatencySpec? defaults)
    {
        var spec = LatencySpec.Of(defaults?.P50Ms ?? 0, defaults?.P99Ms ?? 0);
        var section = Section.Open(context, node, path, LatencyKeys);
        if (defaults is null)
        {
            section.Require("p50_ms");
            section.Require("p99_ms");
        }

        var valid = true;
        section.With("p50_ms", (n, p) => valid &= Set(Scalar.Number(context, n, p, NumberRule.Positive), v => spec.P50Ms = v));
        section.With("p99_ms", (n, p) => valid &= Set(Scalar.Number(context, n, p, NumberRule.Positive), v => spec.P99Ms = v));
        if (valid && section.IsMapping && spec.P99Ms < spec.P50Ms && spec.P50Ms > 0)
        {
            var field = section.Has("p99_ms") ? section.PathOf("p99_ms") : section.PathOf("p50_ms");
            context.Report(field, $"p99_ms ({NumberRule.Format(spec.P99Ms)}) must be at least p50_ms ({NumberRule.Format(spec.P50Ms)})");
        }

        return spec;
    }

    /// <summary>Reads <c>{min, max}</c> over the defaults, each bound under <paramref name="rule"/>; checks min ≤ max.</summary>
    public static RangeSpec Range(ReadContext context, YamlNode node, string path, RangeSpec defaults, NumberRule rule)
    {
        var spec = RangeSpec.Of(defaults.Min, defaults.Max);
        var section = Section.Open(context, node, path, RangeKeys);
        var valid = true;
        section.With("min", (n, p) => valid &= Set(Scalar.Number(context, n, p, rule), v => spec.Min = v));
        section.With("max", (n, p) => valid &= Set(Scalar.Number(context, n, p, rule), v => spec.Max = v));
        if (valid && section.IsMapping && spec.Min > spec.Max)
        {
            var field = section.Has("max") ? section.PathOf("max") : section.PathOf("min");
            context.Report(field, $"min ({NumberRule.Format(spec.Min)}) must not exceed max ({NumberRule.Format(spec.Max)})");
        }

        return spec;
    }

    /// <summary>Reads <c>{mtbf_hours, mttr_minutes}</c> over the defaults; a set MTBF needs a positive MTTR.</summary>
    public static AvailabilitySpec Availability(ReadContext context, YamlNode node, string path, AvailabilitySpec defaults)
    {
        var spec = new AvailabilitySpec { MtbfHours = defaults.MtbfHours, MttrMinutes = defaults.MttrMinutes };
        var section = Section.Open(context, node, path, AvailabilityKeys);
        var valid = true;
        section.With("mtbf_hours", (n, p) => valid &= Set(Scalar.Number(context, n, p, NumberRule.NonNegative), v => spec.MtbfHours = v));
        section.With("mttr_minutes", (n, p) => valid &= Set(Scalar.Number(context, n, p, NumberRule.NonNegative), v => spec.MttrMinutes = v));
        if (valid && section.IsMapping && spec.MtbfHours > 0 && spec.MttrMinutes <= 0)
        {
            context.Report(section.Has("mttr_minutes") ? section.PathOf("mttr_minutes") : section.PathOf("mtbf_hours"),
                "mttr_minutes must be greater than 0 when mtbf_hours is set (random outages need a repair time)");
        }

        return spec;
    }

    /// <summary>Reads an agent behaviour block over the defaults.</summary>
    public static AgentBehaviour Behaviour(ReadContext context, YamlNode node, string path, AgentBehaviour defaults)
    {
        var b = new AgentBehaviour
        {
            ResolveRate = defaults.ResolveRate,
            EscalateRate = defaults.EscalateRate,
            HallucinationRate = defaults.HallucinationRate,
            ContextLossHallucinationMultiplier = defaults.ContextLossHallucinationMultiplier,
            PiiEchoRate = defaults.PiiEchoRate,
            InjectionComplyRate = defaults.InjectionComplyRate,
            UnsafeRate = defaults.UnsafeRate,
            UnsafeAfterAbuseMultiplier = defaults.UnsafeAfterAbuseMultiplier,
        };
        var section = Section.Open(context, node, path, BehaviourKeys);
        section.Probability("resolve_rate", v => b.ResolveRate = v);
        section.Probability("escalate_rate", v => b.EscalateRate = v);
        section.Probability("hallucination_rate", v => b.HallucinationRate = v);
        section.Number("context_loss_hallucination_multiplier", NumberRule.AtLeast(1), v => b.ContextLossHallucinationMultiplier = v);
        section.Probability("pii_echo_rate", v => b.PiiEchoRate = v);
        section.Probability("injection_comply_rate", v => b.InjectionComplyRate = v);
        section.Probability("unsafe_rate", v => b.UnsafeRate = v);
        section.Number("unsafe_after_abuse_multiplier", NumberRule.AtLeast(1), v => b.UnsafeAfterAbuseMultiplier = v);
        return b;
    }

    /// <summary>Calls <paramref name="set"/> with a value that was read; false when it was reported instead.</summary>
    public static bool Set(double? value, Action<double> set)
    {
        if (value is not { } v)
        {
            return false;
        }

        set(v);
        return true;
    }
}
