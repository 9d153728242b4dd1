using AgentSim.Model;
using AgentSim.Model.Configuration;
using AgentSim.Model.Guardrails;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads guardrail layers and checks what each layer needs on its own (provider vs channels by placement, PII entities).</summary>
internal static class GuardrailReader
{
    private static readonly string[] GuardrailKeys =
    [
        "name", "kind", "placement", "stage", "provider", "channels", "entities", "spoken_forms", "miss_rate", "false_positive_rate",
        "severity_threshold", "on_fail", "fail_mode", "error_rate", "availability", "latency", "detection_rate", "detection_delay",
        "engineering_weeks_per_channel", "recall", "obfuscated_recall_factor",
    ];

    /// <summary>Reads the guardrails section present at the top level.</summary>
    public static void Read(Section top, ScenarioConfig config)
    {
        var context = top.Context;
        top.With("guardrails", (node, path) =>
        {
            foreach (var (item, itemPath) in Nodes.Items(context, node, path))
            {
                var guardrail = Guardrail(Section.Open(context, item, itemPath, GuardrailKeys));
                context.Remember(guardrail, itemPath);
                config.Guardrails.Add(guardrail);
            }
        });
    }

    private static GuardrailConfig Guardrail(Section s)
    {
        var context = s.Context;
        var g = new GuardrailConfig();
        s.Require("name");
        s.Text("name", v => g.Name = v);
        s.Require("kind", $"one of: {Vocabulary.Kinds.Known}");
        GuardrailKind? kind = null;
        s.Name("kind", Vocabulary.Kinds, v => kind = g.Kind = v);
        s.Require("placement", $"one of: {Vocabulary.Placements.Known}");
        Placement? placement = null;
        s.Name("placement", Vocabulary.Placements, v => placement = g.Placement = v);
        s.Name("stage", Vocabulary.Stages, v => g.Stage = v);
        s.OptionalText("provider", v => g.Provider = v);
        s.With("channels", (node, path) => g.Channels = Nodes.Channels(context, node, path));
        s.With("entities", (node, path) => g.Entities = Nodes.Names(context, node, path, Vocabulary.Entities));
        g.SpokenForms = placement == Placement.Platform;
        s.Flag("spoken_forms", v => g.SpokenForms = v);
        s.Probability("miss_rate", v => g.MissRate = v);
        s.Probability("false_positive_rate", v => g.FalsePositiveRate = v);
        s.Integer("severity_threshold", NumberRule.Between(0, 7), v => g.SeverityThreshold = v);
        s.Name("on_fail", Vocabulary.Actions, v => g.OnFail = v);
        s.Name("fail_mode", Vocabulary.FailModes, v => g.FailMode = v);
        s.Probability("error_rate", v => g.ErrorRate = v);
        s.With("availability", (node, path) => g.Availability = Specs.Availability(context, node, path, g.Availability));
        s.With("latency", (node, path) => g.Latency = Specs.Latency(context, node, path, g.Latency));
        s.Probability("detection_rate", v => g.DetectionRate = v);
        s.With("detection_delay", (node, path) => g.DetectionDelay = Specs.Latency(context, node, path, g.DetectionDelay));
        s.Number("engineering_weeks_per_channel", NumberRule.NonNegative, v => g.EngineeringWeeksPerChannel = v);
        s.Probability("recall", v => g.Recall = v);
        s.Probability("obfuscated_recall_factor", v => g.ObfuscatedRecallFactor = v);
        if (kind is not (GuardrailKind.Injection or GuardrailKind.Topic or null))
        {
            foreach (var key in new[] { "recall", "obfuscated_recall_factor" })
            {
                if (s.Has(key))
                {
                    s.Context.Report(s.PathOf(key), $"only injection and topic layers have {key}; a {kind.Value.Name()} layer does not use it");
                }
            }
        }
        CheckPlacement(s, g, placement);
        CheckEntities(s, g, kind);
        return g;
    }

    private static void CheckPlacement(Section s, GuardrailConfig g, Placement? placement)
    {
        if (placement == Placement.Platform)
        {
            s.Require("provider", "a platform layer runs at a provider; name it");
            if (s.Get("channels") is { } channels)
            {
                s.Context.Report(channels, s.PathOf("channels"),
                    "a platform layer covers every channel its provider carries; remove channels (or use placement: application)");
            }
        }
        else if (placement == Placement.Application)
        {
            if (s.Get("provider") is { } provider && !Scalar.IsNull(provider))
            {
                s.Context.Report(provider, s.PathOf("provider"), "only platform layers run at a provider; remove provider (or use placement: platform)");
            }

            if (!s.Has("channels"))
            {
                s.Require("channels", "an application layer covers only the channels the team built it for: list them, or write all");
            }
            else if (g.Channels.Count == 0 && IsEmpty(s.Get("channels")))
            {
                s.Context.Report(s.PathOf("channels"), "an application layer with no channels covers nothing: list the channels, or write all");
            }
        }
    }

    private static void CheckEntities(Section s, GuardrailConfig g, GuardrailKind? kind)
    {
        if (kind == GuardrailKind.Pii && g.Entities.Count == 0)
        {
            if (!s.Has("entities"))
            {
                s.Require("entities", $"a pii layer recognises only the entity types listed: {Vocabulary.Entities.Known}");
            }
            else if (IsEmpty(s.Get("entities")))
            {
                s.Context.Report(s.PathOf("entities"), $"a pii layer needs at least one entity type; allowed: {Vocabulary.Entities.Known}");
            }
        }
        else if (kind is { } k && k != GuardrailKind.Pii && s.Get("entities") is { } entities && !Scalar.IsNull(entities))
        {
            s.Context.Report(entities, s.PathOf("entities"), $"entities apply only to pii layers, not {k.Name()}; remove them");
        }
    }

    private static bool IsEmpty(YamlNode? node) => node is YamlSequenceNode { Children.Count: 0 } || (node is not null && Scalar.IsNull(node));
}
