using AgentSim.Model;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads providers, routing and context continuity.</summary>
internal static class ProviderReader
{
    private static readonly string[] ProviderKeys =
    [
        "name", "channels", "native_context", "ai_integration", "connector_latency", "connector_error_rate", "error_rate",
        "latency", "channel_latency", "availability", "quota_per_second", "native_guardrails",
    ];

    private static readonly string[] RouteKeys = ["primary", "failover"];
    private static readonly string[] ContextKeys = ["native_success_rate", "store"];
    private static readonly string[] StoreKeys = ["pairs", "success_rate", "latency", "engineering_weeks_per_pair"];

    /// <summary>Reads the providers, routing and context sections present at the top level.</summary>
    public static void Read(Section top, ScenarioConfig config)
    {
        var context = top.Context;
        top.Require("providers", "list at least one communications provider");
        top.With("providers", (node, path) =>
        {
            foreach (var (item, itemPath) in Nodes.Items(context, node, path))
            {
                var provider = Provider(Section.Open(context, item, itemPath, ProviderKeys));
                context.Remember(provider, itemPath);
                config.Providers.Add(provider);
            }
        });
        top.Require("routing", "map each channel to a primary provider, e.g. voice: {primary: omnicx}");
        top.With("routing", (node, path) =>
        {
            foreach (var (_, keyNode, value, routePath) in Nodes.Entries(context, node, path))
            {
                var channel = Scalar.Name(context, keyNode, routePath, Vocabulary.Channels);
                var route = Route(Section.Open(context, value, routePath, RouteKeys));
                if (channel is { } c)
                {
                    config.Routing[c] = route;
                }
            }
        });
        top.With("context", (node, path) => Context(Section.Open(context, node, path, ContextKeys), config.Context));
    }

    private static ProviderConfig Provider(Section s)
    {
        var context = s.Context;
        var p = new ProviderConfig();
        s.Require("name");
        s.Text("name", v => p.Name = v);
        s.Require("channels", "list the channels this provider carries");
        s.With("channels", (node, path) =>
        {
            p.Channels = Nodes.Channels(context, node, path);
            if (p.Channels.Count == 0 && node is YamlSequenceNode { Children.Count: 0 })
            {
                context.Report(node, path, $"a provider needs at least one channel; allowed: {Wire<Channel>.Known}");
            }
        });
        s.Flag("native_context", v => p.NativeContext = v);
        s.Flag("ai_integration", v => p.AiIntegration = v);
        s.With("connector_latency", (node, path) => p.ConnectorLatency = Specs.Latency(context, node, path, p.ConnectorLatency));
        s.Probability("connector_error_rate", v => p.ConnectorErrorRate = v);
        s.Probability("error_rate", v => p.ErrorRate = v);
        s.With("latency", (node, path) => p.Latency = Specs.Latency(context, node, path, p.Latency));
        s.With("channel_latency", (node, path) =>
        {
            foreach (var (_, keyNode, value, entryPath) in Nodes.Entries(context, node, path))
            {
                var channel = Scalar.Name(context, keyNode, entryPath, Vocabulary.Channels);
                var latency = Specs.Latency(context, value, entryPath, null);
                if (channel is not { } c)
                {
                    continue;
                }

                if (!p.Channels.Contains(c))
                {
                    context.Report(keyNode, entryPath, $"this provider does not carry {c.Name()}; it carries: {Join(p.Channels)}");
                }

                p.ChannelLatency[c] = latency;
            }
        });
        s.With("availability", (node, path) => p.Availability = Specs.Availability(context, node, path, p.Availability));
        s.Number("quota_per_second", NumberRule.NonNegative, v => p.QuotaPerSecond = v);
        s.With("native_guardrails", (node, path) => p.NativeGuardrails = Nodes.Names(context, node, path, Vocabulary.Kinds));
        return p;
    }

    private static RouteConfig Route(Section s)
    {
        var route = new RouteConfig();
        s.Require("primary", "name the provider that carries this channel");
        s.Text("primary", v => route.Primary = v);
        s.OptionalText("failover", v => route.Failover = v);
        return route;
    }

    private static void Context(Section s, ContextConfig config)
    {
        var context = s.Context;
        s.Probability("native_success_rate", v => config.NativeSuccessRate = v);
        s.With("store", (node, path) => config.Store = Scalar.IsNull(node) ? null : Store(Section.Open(context, node, path, StoreKeys)));
    }

    private static ContextStoreConfig Store(Section s)
    {
        var context = s.Context;
        var store = new ContextStoreConfig();
        s.Require("pairs", "list the channel pairs the store covers, e.g. [\"web_chat->voice\"], or all");
        s.With("pairs", (node, path) =>
        {
            if (node is YamlScalarNode { Value: "all" })
            {
                store.AllPairs = true;
                return;
            }

            foreach (var (item, itemPath) in Nodes.Items(context, node, path))
            {
                if (Pair(context, item, itemPath) is not { } pair)
                {
                    continue;
                }

                if (store.Pairs.Contains(pair))
                {
                    context.Report(item, itemPath, "this pair is listed twice");
                    continue;
                }

                store.Pairs.Add(pair);
            }
        });
        s.Probability("success_rate", v => store.SuccessRate = v);
        s.With("latency", (node, path) => store.Latency = Specs.Latency(context, node, path, store.Latency));
        s.Number("engineering_weeks_per_pair", NumberRule.NonNegative, v => store.EngineeringWeeksPerPair = v);
        return store;
    }

    private static ChannelPair? Pair(ReadContext context, YamlNode node, string path)
    {
        if (Scalar.Text(context, node, path) is not { } text)
        {
            return null;
        }

        var parts = text.Split("->", StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            context.Report(node, path, $"expected a pair written from->to (e.g. web_chat->voice), got '{text}'");
            return null;
        }

        var ok = Parse(context, node, path, parts[0], out var from) & Parse(context, node, path, parts[1], out var to);
        if (ok && from == to)
        {
            context.Report(node, path, "a pair needs two different channels");
            return null;
        }

        return ok ? new ChannelPair(from, to) : null;
    }

    private static bool Parse(ReadContext context, YamlNode node, string path, string name, out Channel channel)
    {
        if (Wire<Channel>.TryParse(name, out channel))
        {
            return true;
        }

        context.Report(node, path, $"unknown channel '{name}'; allowed: {Wire<Channel>.Known}");
        return false;
    }

    private static string Join(IEnumerable<Channel> channels)
    {
        var names = string.Join(", ", channels.Select(c => c.Name()));
        return names.Length == 0 ? "(none)" : names;
    }
}
