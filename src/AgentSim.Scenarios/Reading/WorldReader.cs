using AgentSim.Model;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads the world sections: arrivals, time, channels, customers and conversation.</summary>
internal static class WorldReader
{
    private static readonly string[] ArrivalKeys = ["rate_per_second"];
    private static readonly string[] TimeKeys = ["epoch_seconds"];
    private static readonly string[] ChannelKeys = ["mix", "switch_probability", "matrix", "think_seconds"];
    private static readonly string[] CustomerKeys = ["population", "locales", "patience", "turn_tolerance", "switch_propensity", "tiers"];
    private static readonly string[] ToleranceKeys = ["mean_seconds"];
    private static readonly string[] ConversationKeys =
    [
        "turns_needed", "max_turns", "pii_rate", "injection_rate", "abuse_rate", "intents", "frustration_per_repeat", "abandon_per_frustration",
        "frustration_per_resend", "frustration_per_duplicate", "frustration_per_wrong_answer", "frustration_per_refusal",
        "frustration_per_tolerance",
    ];

    /// <summary>Reads every world section present at the top level.</summary>
    public static void Read(Section top, ScenarioConfig config)
    {
        var context = top.Context;
        top.With("arrivals", (node, path) =>
            Section.Open(context, node, path, ArrivalKeys).Number("rate_per_second", NumberRule.MinimumRate, v => config.Arrivals.RatePerSecond = v));
        top.With("time", (node, path) =>
            Section.Open(context, node, path, TimeKeys).Number("epoch_seconds", NumberRule.EpochLength, v => config.Time.EpochSeconds = v));
        top.With("channels", (node, path) => Channels(Section.Open(context, node, path, ChannelKeys), config.Channels));
        top.With("customers", (node, path) => Customers(Section.Open(context, node, path, CustomerKeys), config.Customers));
        top.With("conversation", (node, path) => Conversation(Section.Open(context, node, path, ConversationKeys), config.Conversation));
        top.Require("channels", "give channels.mix, the weight of each channel as first contact");
    }

    private static void Channels(Section s, ChannelsConfig channels)
    {
        var context = s.Context;
        s.Require("mix", "give the weight of each channel as first contact, e.g. web_chat: 0.5");
        s.With("mix", (node, path) =>
        {
            channels.Mix = Nodes.ChannelWeights(context, node, path);
            Nodes.RequirePositive(context, node, path, channels.Mix);
        });
        s.Probability("switch_probability", v => channels.SwitchProbability = v);
        s.With("matrix", (node, path) =>
        {
            channels.Matrix = [];
            foreach (var (_, keyNode, row, rowPath) in Nodes.Entries(context, node, path))
            {
                if (Scalar.Name(context, keyNode, rowPath, Vocabulary.Channels) is not { } from)
                {
                    continue;
                }

                var targets = Nodes.ChannelWeights(context, row, rowPath);
                if (targets.Remove(from))
                {
                    context.Report($"{rowPath}.{from.Name()}", "a channel cannot switch to itself; remove this entry");
                }

                channels.Matrix[from] = targets;
            }
        });
        s.With("think_seconds", (node, path) =>
        {
            foreach (var (channel, seconds) in Nodes.ChannelWeights(context, node, path))
            {
                if (seconds <= 0)
                {
                    context.Report($"{path}.{channel.Name()}", "a think time must be greater than 0 seconds");
                    continue;
                }

                channels.ThinkSeconds[channel] = seconds;
            }
        });
    }

    private static void Customers(Section s, CustomersConfig customers)
    {
        var context = s.Context;
        s.Integer("population", NumberRule.AtLeast(1), v => customers.Population = v);
        s.With("locales", (node, path) => customers.Locales = Locales(context, node, path) ?? customers.Locales);
        s.With("patience", (node, path) => customers.Patience = Specs.Range(context, node, path, customers.Patience, NumberRule.NonNegative));
        s.With("turn_tolerance", (node, path) => customers.TurnTolerance = TurnTolerance(context, node, path));
        s.With("switch_propensity", (node, path) =>
            customers.SwitchPropensity = Specs.Range(context, node, path, customers.SwitchPropensity, NumberRule.Probability));
        s.With("tiers", (node, path) => customers.Tiers = Nodes.Weights(context, node, path) ?? customers.Tiers);
    }

    // A map channel → {mean_seconds: X}; it replaces the defaults, so channels it does not list have no turn tolerance.
    private static Dictionary<Channel, double> TurnTolerance(ReadContext context, YamlNode node, string path)
    {
        var tolerance = new Dictionary<Channel, double>();
        foreach (var (_, keyNode, value, entryPath) in Nodes.Entries(context, node, path))
        {
            var channel = Scalar.Name(context, keyNode, entryPath, Vocabulary.Channels);
            if (value is YamlScalarNode)
            {
                context.Report(value, entryPath, $"expected {{mean_seconds: X}} (the mean seconds a customer waits for an answer), got {Scalar.Describe(value)}");
                continue;
            }

            var s = Section.Open(context, value, entryPath, ToleranceKeys);
            s.Require("mean_seconds", "give the mean seconds a customer waits for an answer, e.g. {mean_seconds: 30}");
            s.Number("mean_seconds", NumberRule.Positive, mean =>
            {
                if (channel is { } c)
                {
                    tolerance[c] = mean;
                }
            });
        }

        return tolerance;
    }

    private static List<string>? Locales(ReadContext context, YamlNode node, string path)
    {
        var locales = new List<string>();
        foreach (var (item, itemPath) in Nodes.Items(context, node, path))
        {
            if (Scalar.Text(context, item, itemPath) is not { } locale)
            {
                continue;
            }

            if (!Bogus.Database.LocaleResourceExists(locale))
            {
                context.Report(item, itemPath, $"unknown Bogus locale '{locale}'; examples: en_US, en_GB, de, fr, es, nl, pt_BR, ja");
                continue;
            }

            locales.Add(locale);
        }

        if (locales.Count > 0)
        {
            return locales;
        }

        if (node is YamlSequenceNode { Children.Count: 0 } || Scalar.IsNull(node))
        {
            context.Report(node, path, "needs at least one locale, e.g. [en_US]");
        }

        return null;
    }

    private static void Conversation(Section s, ConversationConfig conversation)
    {
        var context = s.Context;
        s.With("turns_needed", (node, path) =>
            conversation.TurnsNeeded = Specs.Range(context, node, path, conversation.TurnsNeeded, NumberRule.AtLeast(1)));
        s.Integer("max_turns", NumberRule.AtLeast(1), v => conversation.MaxTurns = v);
        s.Probability("pii_rate", v => conversation.PiiRate = v);
        s.Probability("injection_rate", v => conversation.InjectionRate = v);
        s.Probability("abuse_rate", v => conversation.AbuseRate = v);
        s.With("intents", (node, path) => conversation.Intents = Nodes.Weights(context, node, path) ?? conversation.Intents);
        s.Probability("frustration_per_repeat", v => conversation.FrustrationPerRepeat = v);
        s.Probability("abandon_per_frustration", v => conversation.AbandonPerFrustration = v);
        s.Probability("frustration_per_resend", v => conversation.FrustrationPerResend = v);
        s.Probability("frustration_per_duplicate", v => conversation.FrustrationPerDuplicate = v);
        s.Probability("frustration_per_wrong_answer", v => conversation.FrustrationPerWrongAnswer = v);
        s.Probability("frustration_per_refusal", v => conversation.FrustrationPerRefusal = v);
        s.Number("frustration_per_tolerance", NumberRule.NonNegative, v => conversation.FrustrationPerTolerance = v);
        if (conversation.TurnsNeeded.Max > conversation.MaxTurns && (s.Has("max_turns") || s.Has("turns_needed")))
        {
            var field = s.Has("max_turns") ? s.PathOf("max_turns") : s.PathOf("turns_needed");
            context.Report(field, $"max_turns ({conversation.MaxTurns}) must be at least turns_needed.max ({NumberRule.Format(conversation.TurnsNeeded.Max)})");
        }
    }
}
