using AgentSim.Model.Configuration;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads the specs of a human queue: its handle time (exponential or log-normal) and its patience (exponential, per channel where it differs).</summary>
internal static class QueueSpecs
{
    private static readonly string[] HandleTimeKeys = ["mean_seconds", "p50_ms", "p99_ms"];
    private static readonly string[] PatienceKeys = ["mean_seconds", "by_channel"];

    /// <summary>Reads <c>{mean_seconds}</c> (exponential) or <c>{p50_ms, p99_ms}</c> (log-normal), exactly one form; null when it was reported.</summary>
    public static DurationSpec? HandleTime(ReadContext context, YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            context.Report(node, path, $"expected {{mean_seconds: X}} (exponential) or {{p50_ms: X, p99_ms: Y}} (log-normal), got {Scalar.Describe(node)}");
            return null;
        }

        var s = Section.Open(context, node, path, HandleTimeKeys);
        if (!s.IsMapping)
        {
            return null;
        }

        var exponential = s.Has("mean_seconds");
        var logNormal = s.Has("p50_ms") || s.Has("p99_ms");
        if (exponential && logNormal)
        {
            context.Report(path, "give either mean_seconds (exponential) or p50_ms and p99_ms (log-normal), not both");
            return null;
        }

        if (!exponential && !logNormal)
        {
            context.Report(path, "give mean_seconds (exponential, e.g. {mean_seconds: 360}) or p50_ms and p99_ms (log-normal, e.g. {p50_ms: 240000, p99_ms: 1200000})");
            return null;
        }

        return exponential ? Exponential(s) : LogNormal(s);
    }

    /// <summary>Reads <c>{mean_seconds, by_channel}</c>: the mean time a waiting customer stays, and per-channel means where they differ; null when it was reported.</summary>
    public static PatienceSpec? Patience(ReadContext context, YamlNode node, string path)
    {
        if (node is YamlScalarNode)
        {
            context.Report(node, path, $"expected {{mean_seconds: X}}, optionally with by_channel, got {Scalar.Describe(node)}; omit patience and nobody leaves");
            return null;
        }

        var s = Section.Open(context, node, path, PatienceKeys);
        s.Require("mean_seconds", "give the mean time a waiting customer stays, e.g. mean_seconds: 600 (omit patience and nobody leaves)");
        var spec = new PatienceSpec();
        var valid = s.IsMapping && s.Has("mean_seconds");
        s.With("mean_seconds", (n, p) => valid &= Specs.Set(Scalar.Number(context, n, p, NumberRule.Positive), v => spec.MeanSeconds = v));
        s.With("by_channel", (n, p) =>
        {
            foreach (var (_, keyNode, value, entryPath) in Nodes.Entries(context, n, p))
            {
                var channel = Scalar.Name(context, keyNode, entryPath, Vocabulary.Channels);
                var seconds = Scalar.Number(context, value, entryPath, NumberRule.Positive);
                if (channel is { } c && seconds is { } mean)
                {
                    spec.ByChannel[c] = mean;
                }
            }
        });
        return valid ? spec : null;
    }

    private static DurationSpec? Exponential(Section s)
    {
        double? mean = null;
        s.With("mean_seconds", (n, p) => mean = Scalar.Number(s.Context, n, p, NumberRule.Positive));
        return mean is { } m ? DurationSpec.Exponential(m) : null;
    }

    private static DurationSpec? LogNormal(Section s)
    {
        var context = s.Context;
        const string Hint = "a log-normal handle time needs both p50_ms and p99_ms";
        var valid = s.Require("p50_ms", Hint) & s.Require("p99_ms", Hint);
        double p50 = 0, p99 = 0;
        s.With("p50_ms", (n, p) => valid &= Specs.Set(Scalar.Number(context, n, p, NumberRule.Positive), v => p50 = v));
        s.With("p99_ms", (n, p) => valid &= Specs.Set(Scalar.Number(context, n, p, NumberRule.Positive), v => p99 = v));
        if (!valid)
        {
            return null;
        }

        if (p99 < p50)
        {
            context.Report(s.PathOf("p99_ms"), $"p99_ms ({NumberRule.Format(p99)}) must be at least p50_ms ({NumberRule.Format(p50)})");
            return null;
        }

        return DurationSpec.LogNormal(p50, p99);
    }
}
