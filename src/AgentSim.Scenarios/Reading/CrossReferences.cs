using AgentSim.Model;
using AgentSim.Model.Faults;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Guardrails;

namespace AgentSim.Scenarios.Reading;

/// <summary>Checks references between sections: names are unique, routes, guardrails and faults name providers that exist and fit, agents name known intents and queues.</summary>
internal static class CrossReferences
{
    /// <summary>Runs every cross-reference check over what was read.</summary>
    public static void Check(ReadContext context, ScenarioConfig config)
    {
        var providers = Unique(context, config.Providers, p => p.Name, "provider");
        Unique(context, config.Agents, a => a.Name, "agent");
        var guardrails = Unique(context, config.Guardrails, g => g.Name, "guardrail");
        NotEmpty(context, "providers", config.Providers.Count, "at least one provider is required");
        NotEmpty(context, "agents", config.Agents.Count, "at least one agent is required");
        NotEmpty(context, "routing", config.Routing.Count, "at least one route is required, e.g. web_chat: {primary: <provider>}");
        Routing(context, config, providers);
        Channels(context, config);
        Guardrails(context, config, providers);
        Faults(context, config, providers, guardrails);
        Agents(context, config);
        QueueReferences.Check(context, config);
    }

    /// <summary>Indexes items by name, reporting each duplicate name at its <c>name</c> field with the line of the first.</summary>
    public static Dictionary<string, T> Unique<T>(ReadContext context, List<T> items, Func<T, string> name, string what)
        where T : class
    {
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = name(item);
            if (key.Length == 0)
            {
                continue;
            }

            if (byName.TryGetValue(key, out var first))
            {
                var field = $"{context.PathOf(item)}.name";
                context.Report(field, $"duplicate {what} name '{key}' (first at line {context.LineOf($"{context.PathOf(first)}.name")}); names must be unique");
                continue;
            }

            byName[key] = item;
        }

        return byName;
    }

    private static void NotEmpty(ReadContext context, string path, int count, string message)
    {
        if (count == 0 && context.Has(path) && !context.HasProblemsUnder(path))
        {
            context.Report(path, message);
        }
    }

    private static void Routing(ReadContext context, ScenarioConfig config, Dictionary<string, ProviderConfig> providers)
    {
        foreach (var (channel, route) in config.Routing)
        {
            var path = $"routing.{channel.Name()}";
            Carrier(context, providers, channel, route.Primary, $"{path}.primary");
            if (route.Failover is not { } failover)
            {
                continue;
            }

            if (failover == route.Primary)
            {
                context.Report($"{path}.failover", $"failover is the same provider as primary ('{failover}'); name another provider or remove failover");
                continue;
            }

            Carrier(context, providers, channel, failover, $"{path}.failover");
        }
    }

    private static void Carrier(ReadContext context, Dictionary<string, ProviderConfig> providers, Channel channel, string name, string field)
    {
        if (name.Length == 0 || context.HasProblemsUnder(field))
        {
            return;
        }

        if (!providers.TryGetValue(name, out var provider))
        {
            context.Report(field, $"unknown provider '{name}'; providers: {Names(providers.Keys)}");
        }
        else if (!provider.Channels.Contains(channel))
        {
            context.Report(field, $"provider '{name}' does not carry {channel.Name()}; it carries: {Names(provider.Channels.Select(c => c.Name()))}");
        }
    }

    private static void Channels(ReadContext context, ScenarioConfig config)
    {
        if (config.Routing.Count == 0)
        {
            return;
        }

        foreach (var (channel, weight) in config.Channels.Mix)
        {
            if (weight > 0 && !config.Routing.ContainsKey(channel))
            {
                context.Report($"channels.mix.{channel.Name()}", $"{channel.Name()} is in the mix but has no route; add routing.{channel.Name()} or set its weight to 0");
            }
        }

        foreach (var (from, row) in config.Channels.Matrix)
        {
            foreach (var (to, weight) in row)
            {
                if (weight > 0 && !config.Routing.ContainsKey(to))
                {
                    context.Report($"channels.matrix.{from.Name()}.{to.Name()}", $"customers can switch to {to.Name()} but it has no route; add routing.{to.Name()} or remove this entry");
                }
            }
        }
    }

    private static void Guardrails(ReadContext context, ScenarioConfig config, Dictionary<string, ProviderConfig> providers)
    {
        foreach (var guardrail in config.Guardrails)
        {
            var path = context.PathOf(guardrail);
            var field = $"{path}.provider";
            if (guardrail.Placement != Placement.Platform || guardrail.Provider is not { } name
                || context.HasProblemsUnder($"{path}.placement") || context.HasProblemsUnder($"{path}.kind") || context.HasProblemsUnder(field))
            {
                continue;
            }

            if (!providers.TryGetValue(name, out var provider))
            {
                context.Report(field, $"unknown provider '{name}'; providers: {Names(providers.Keys)}");
            }
            else if (!provider.NativeGuardrails.Contains(guardrail.Kind))
            {
                context.Report(field, $"provider '{name}' does not offer {guardrail.Kind.Name()} natively (its native_guardrails: "
                    + $"{Names(provider.NativeGuardrails.Select(k => k.Name()))}); use placement: application to build it yourself");
            }
        }
    }

    private static void Faults(
        ReadContext context, ScenarioConfig config, Dictionary<string, ProviderConfig> providers, Dictionary<string, GuardrailConfig> guardrails)
    {
        foreach (var fault in config.Faults)
        {
            var path = context.PathOf(fault);
            ProviderConfig? provider = null;
            if (fault.Provider is { } name && !providers.TryGetValue(name, out provider))
            {
                context.Report($"{path}.provider", $"unknown provider '{name}'; providers: {Names(providers.Keys)}");
            }

            if (fault.Guardrail is { } layer && !guardrails.ContainsKey(layer))
            {
                context.Report($"{path}.guardrail", $"unknown guardrail '{layer}'; guardrails: {Names(guardrails.Keys)}");
            }

            if (fault.Channel is { } channel && provider is not null && !provider.Channels.Contains(channel))
            {
                context.Report($"{path}.channel", $"provider '{provider.Name}' does not carry {channel.Name()}; it carries: {Names(provider.Channels.Select(c => c.Name()))}");
            }

            if (fault.Kind == FaultKind.ContextStoreOutage && config.Context.Store is null && !context.HasProblemsUnder($"{path}.kind"))
            {
                context.Report($"{path}.kind", "a context_store_outage needs a context store; add context.store");
            }
        }
    }

    private static void Agents(ReadContext context, ScenarioConfig config)
    {
        var known = config.Conversation.Intents;
        foreach (var agent in config.Agents)
        {
            var path = context.PathOf(agent);
            for (var i = 0; i < agent.Intents.Count; i++)
            {
                if (!known.ContainsKey(agent.Intents[i]))
                {
                    context.Report($"{path}.intents[{i}]", $"unknown intent '{agent.Intents[i]}'; intents (from conversation.intents): {Names(known.Keys)}");
                }
            }
        }

        if (config.Agents.Count == 0 || config.Agents.Exists(a => a.Intents.Count == 0))
        {
            return;
        }

        foreach (var (intent, weight) in known)
        {
            if (weight > 0 && !config.Agents.Exists(a => a.Intents.Contains(intent)))
            {
                context.Report("agents", $"no agent serves intent '{intent}'; add it to an agent's intents (an agent with no intents serves all)");
            }
        }
    }

    /// <summary>Names joined for a message, or <c>(none)</c>.</summary>
    public static string Names(IEnumerable<string> names)
    {
        var text = string.Join(", ", names);
        return text.Length == 0 ? "(none)" : text;
    }
}
