using System.Globalization;
using System.Text.Json;
using AgentSim.Abstractions.Messages;
using AgentSim.Model;
using AgentSim.Model.Channels;
using AgentSim.Model.Engine;
using AgentSim.Model.Faults;

namespace AgentSim.Host.Faults;

/// <summary>
/// Reads the body of <c>POST /api/faults</c>: a scenario timeline entry (<c>kind</c>, <c>provider</c>, <c>channel</c>,
/// <c>guardrail</c>, <c>rate</c>, <c>error_rate</c>, <c>added_latency_ms</c>) whose window is <c>start</c> and
/// <c>duration</c> in wall seconds from now. It is checked against the kind's row in <see cref="FaultKinds"/> (the targets
/// it needs and takes, the settings it uses) and against the names of the silo's scenario, one line per wrong field.
/// </summary>
public static class FaultRequest
{
    /// <summary>Longest start delay and duration, wall seconds (30 days).</summary>
    public const double MaxSeconds = 30 * 24 * 3600;

    /// <summary>Largest added latency, milliseconds (10 minutes).</summary>
    public const double MaxAddedLatencyMs = 600_000;

    /// <summary>The fields a body may have.</summary>
    public static readonly string[] Fields = ["kind", "provider", "channel", "guardrail", "rate", "error_rate", "added_latency_ms", "start", "duration"];

    private static readonly (FaultScope Scope, string Key)[] Targets = [(FaultScope.Provider, "provider"), (FaultScope.Guardrail, "guardrail"), (FaultScope.Channel, "channel")];

    private static readonly (FaultParameters Parameter, string Key)[] Settings =
        [(FaultParameters.ErrorRate, "error_rate"), (FaultParameters.AddedLatency, "added_latency_ms"), (FaultParameters.Rate, "rate")];

    /// <summary>One line describing the body, for error messages.</summary>
    public static string Shape { get; } =
        $"a fault is a JSON object with kind (one of {Wire<FaultKind>.Known}), duration (wall seconds, > 0), optional start (wall seconds from now, default 0), the targets its kind takes (provider, channel, guardrail) and the settings it uses (rate, error_rate, added_latency_ms)";

    /// <summary>
    /// The fault <paramref name="body"/> asks for in <paramref name="world"/>, starting <c>start</c> seconds after
    /// <paramref name="now"/> (id 0: the registry gives it one); null with one line per wrong field in <paramref name="problems"/>.
    /// </summary>
    public static RuntimeFault? Read(JsonElement body, World world, DateTimeOffset now, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(problems);
        if (body.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"body: {Shape}; got {Describe(body.ValueKind)}");
            return null;
        }

        var given = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (Array.IndexOf(Fields, property.Name) < 0)
            {
                problems.Add($"{Truncate(property.Name)}: unknown field; the fields are {string.Join(", ", Fields)}");
            }
            else if (!given.TryAdd(property.Name, property.Value))
            {
                problems.Add($"{property.Name}: given more than once");
            }
        }

        var kindText = Text(given, "kind", problems);
        var provider = Text(given, "provider", problems);
        var channelText = Text(given, "channel", problems);
        var guardrail = Text(given, "guardrail", problems);
        var rate = Number(given, "rate", problems);
        var errorRate = Number(given, "error_rate", problems);
        var addedLatency = Number(given, "added_latency_ms", problems);
        var start = Number(given, "start", problems);
        var duration = Number(given, "duration", problems);

        FaultKind? kind = null;
        if (kindText is null)
        {
            if (!given.ContainsKey("kind"))
            {
                problems.Add($"kind: required, one of {Wire<FaultKind>.Known}");
            }
        }
        else if (Wire<FaultKind>.TryParse(kindText, out var parsed))
        {
            kind = parsed;
        }
        else
        {
            problems.Add($"kind: '{Truncate(kindText)}' is not a fault kind; the kinds are {Wire<FaultKind>.Known}");
        }

        if (duration is null)
        {
            if (!given.ContainsKey("duration"))
            {
                problems.Add("duration: required: how long the fault lasts, wall seconds above 0");
            }
        }
        else if (duration <= 0 || duration > MaxSeconds)
        {
            problems.Add(Invariant($"duration: must be above 0 and at most {MaxSeconds} wall seconds, got {duration}"));
        }

        if (start is < 0 or > MaxSeconds)
        {
            problems.Add(Invariant($"start: must be from 0 to {MaxSeconds} wall seconds from now, got {start}"));
        }

        Probability("rate", rate, problems);
        Probability("error_rate", errorRate, problems);
        if (addedLatency is < 0 or > MaxAddedLatencyMs)
        {
            problems.Add(Invariant($"added_latency_ms: must be from 0 to {MaxAddedLatencyMs}, got {addedLatency}"));
        }

        var providerIndex = -1;
        if (provider is not null)
        {
            providerIndex = Array.FindIndex(world.Providers, p => p.Name == provider);
            if (providerIndex < 0)
            {
                problems.Add($"provider: unknown provider '{Truncate(provider)}'; the scenario's providers are {Names(world.Providers.Select(p => p.Name))}");
            }
        }

        if (guardrail is not null && !Array.Exists(world.Guardrails, g => g.Name == guardrail))
        {
            problems.Add($"guardrail: unknown guardrail '{Truncate(guardrail)}'; the scenario's guardrails are {Names(world.Guardrails.Select(g => g.Name))}");
        }

        if (channelText is not null)
        {
            if (!Wire<Channel>.TryParse(channelText, out var channel))
            {
                problems.Add($"channel: '{Truncate(channelText)}' is not a channel; the channels are {Wire<Channel>.Known}");
            }
            else if (providerIndex >= 0 && !world.Providers[providerIndex].Carries(channel))
            {
                problems.Add($"channel: provider '{provider}' does not carry {channelText}; it carries {Names(world.Providers[providerIndex].Config.Channels.Select(c => c.Name()))}");
            }
        }

        if (kind is { } k)
        {
            CheckAgainstRow(FaultKinds.Of(k), given, world, provider, guardrail, rate, errorRate, addedLatency, problems);
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var startsAt = now + TimeSpan.FromSeconds(start ?? 0);
        return new RuntimeFault(0, kindText!, provider, channelText, guardrail, rate ?? 0, errorRate ?? 0, addedLatency ?? 0, startsAt, startsAt + TimeSpan.FromSeconds(duration!.Value));
    }

    // What the kind's row in the fault table requires and rejects, as the scenario reader checks a timeline entry.
    private static void CheckAgainstRow(
        FaultKindInfo info, Dictionary<string, JsonElement> given, World world, string? provider, string? guardrail, double? rate, double? errorRate, double? addedLatency, List<string> problems)
    {
        var name = info.Kind.Name();
        if (info.Requires.HasFlag(FaultScope.Provider) && provider is null && !given.ContainsKey("provider"))
        {
            problems.Add($"provider: required: a {name} fault names the provider it hits; the scenario's providers are {Names(world.Providers.Select(p => p.Name))}");
        }

        if (info.Requires.HasFlag(FaultScope.Guardrail) && guardrail is null && !given.ContainsKey("guardrail"))
        {
            problems.Add($"guardrail: required: a {name} fault names the guardrail layer it hits; the scenario's guardrails are {Names(world.Guardrails.Select(g => g.Name))}");
        }

        foreach (var (scope, key) in Targets)
        {
            if (!info.Allows.HasFlag(scope) && given.TryGetValue(key, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                problems.Add($"{key}: a {name} fault does not take {key} ({info.Summary})");
            }
        }

        foreach (var (parameter, key) in Settings)
        {
            if (!info.Uses.HasFlag(parameter) && given.ContainsKey(key))
            {
                problems.Add($"{key}: a {name} fault does not use {key} ({info.Summary})");
            }
        }

        if (info.NeedsOneOf.HasFlag(FaultParameters.Rate) && !(rate > 0) && !Wrong("rate"))
        {
            problems.Add($"rate: a {name} fault needs a rate above 0 (the share of {(info.ActsOnMessages ? "messages it hits" : "requests it throttles")})");
        }
        else if (info.NeedsOneOf.HasFlag(FaultParameters.ErrorRate) && !(errorRate > 0) && !(addedLatency > 0) && !Wrong("error_rate") && !Wrong("added_latency_ms"))
        {
            problems.Add($"error_rate: a {name} fault needs error_rate or added_latency_ms above 0 (or both)");
        }

        if (info.Kind == FaultKind.ContextStoreOutage && world.Config.Context.Store is null)
        {
            problems.Add("kind: a context_store_outage needs a context store, and this silo's scenario has none (context.store)");
        }

        bool Wrong(string key) => problems.Exists(p => p.StartsWith(key + ":", StringComparison.Ordinal));
    }

    private static string? Text(Dictionary<string, JsonElement> given, string key, List<string> problems)
    {
        if (!given.TryGetValue(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{key}: must be a string, got {Describe(value.ValueKind)}");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            problems.Add($"{key}: must not be empty");
            return null;
        }

        return text;
    }

    private static double? Number(Dictionary<string, JsonElement> given, string key, List<string> problems)
    {
        if (!given.TryGetValue(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        problems.Add($"{key}: must be a number, got {Describe(value.ValueKind)}");
        return null;
    }

    private static void Probability(string key, double? value, List<string> problems)
    {
        if (value is < 0 or > 1)
        {
            problems.Add(Invariant($"{key}: must be a probability from 0 to 1, got {value}"));
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Names(IEnumerable<string> names)
    {
        var text = string.Join(", ", names);
        return text.Length == 0 ? "(none)" : text;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
