using AgentSim.Model;
using AgentSim.Model.Faults;
using AgentSim.Model.Configuration;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads scripted faults and checks which target each kind needs.</summary>
internal static class FaultReader
{
    private static readonly string[] FaultKeys =
        ["kind", "start_minutes", "duration_minutes", "provider", "guardrail", "channel", "error_rate", "added_latency_ms", "rate"];

    /// <summary>Reads the faults section present at the top level.</summary>
    public static void Read(Section top, ScenarioConfig config)
    {
        var context = top.Context;
        top.With("faults", (node, path) =>
        {
            foreach (var (item, itemPath) in Nodes.Items(context, node, path))
            {
                var fault = Fault(Section.Open(context, item, itemPath, FaultKeys));
                context.Remember(fault, itemPath);
                config.Faults.Add(fault);
            }
        });
    }

    private static FaultConfig Fault(Section s)
    {
        var f = new FaultConfig();
        s.Require("kind", $"one of: {Vocabulary.Faults.Known}");
        FaultKind? kind = null;
        s.Name("kind", Vocabulary.Faults, v => kind = f.Kind = v);
        s.Number("start_minutes", NumberRule.NonNegative, v => f.StartMinutes = v);
        s.Require("duration_minutes");
        s.Number("duration_minutes", NumberRule.Positive, v => f.DurationMinutes = v);
        s.OptionalText("provider", v => f.Provider = v);
        s.OptionalText("guardrail", v => f.Guardrail = v);
        s.With("channel", (node, path) => f.Channel = Scalar.IsNull(node) ? null : Scalar.Name(s.Context, node, path, Vocabulary.Channels));
        s.Probability("error_rate", v => f.ErrorRate = v);
        s.Number("added_latency_ms", NumberRule.NonNegative, v => f.AddedLatencyMs = v);
        s.Probability("rate", v => f.Rate = v);
        switch (kind)
        {
            case FaultKind.ProviderOutage or FaultKind.ProviderDegradation when f.Provider is null:
                s.Require("provider", $"a {kind.Value.Name()} fault names the provider it hits");
                if (s.Has("provider"))
                {
                    s.Context.Report(s.PathOf("provider"), $"a {kind.Value.Name()} fault names the provider it hits");
                }

                break;
            case FaultKind.GuardrailOutage when f.Guardrail is null:
                s.Require("guardrail", "a guardrail_outage fault names the guardrail layer it hits");
                if (s.Has("guardrail"))
                {
                    s.Context.Report(s.PathOf("guardrail"), "a guardrail_outage fault names the guardrail layer it hits");
                }

                break;
            case FaultKind.SmsTruncation or FaultKind.DuplicateDelivery or FaultKind.TranscriptionNoise when f.Rate == 0 && s.IsMapping:
                if (!s.Has("rate"))
                {
                    s.Require("rate", $"a {kind.Value.Name()} fault needs the share of messages it hits");
                }
                else if (!s.Context.HasProblemsUnder(s.PathOf("rate")))
                {
                    s.Context.Report(s.PathOf("rate"), $"a {kind.Value.Name()} fault needs a rate above 0 (the share of messages it hits)");
                }

                break;
            case FaultKind.ProviderDegradation when f.ErrorRate == 0 && f.AddedLatencyMs == 0 && s.IsMapping:
                s.Context.Report(s.Line, s.Path, "a provider_degradation fault needs error_rate or added_latency_ms (or both)");
                break;
        }

        return f;
    }
}
