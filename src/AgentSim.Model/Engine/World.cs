using AgentSim.Model.Agents;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Providers;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Engine;

/// <summary>
/// A scenario compiled for simulation: names resolved to indices, distributions fitted, tables built.
/// Immutable and shared by every shard of a run.
/// </summary>
public sealed class World
{
    private World(ScenarioConfig config)
    {
        Config = config;
        Seed = config.Seed;
        EpochMicros = (long)(config.Time.EpochSeconds * 1_000_000);
        Providers = [.. config.Providers.Select((p, i) => new ProviderModel(i, p))];
        var providerIndex = Providers.ToDictionary(p => p.Name, p => p.Index, StringComparer.Ordinal);

        Routes = new Route[ChannelInfo.Count];
        foreach (var channel in ChannelInfo.All)
        {
            Routes[(int)channel] = config.Routing.TryGetValue(channel, out var r)
                ? new Route(Find(providerIndex, r.Primary), r.Failover is null ? -1 : Find(providerIndex, r.Failover))
                : new Route(-1, -1);
        }

        ChannelMix = new WeightedTable([.. ChannelInfo.All.Select(c => config.Channels.Mix.GetValueOrDefault(c))]);
        SwitchTables = [.. ChannelInfo.All.Select(from => config.Channels.Matrix.TryGetValue(from, out var row)
            ? new WeightedTable([.. ChannelInfo.All.Select(to => to == from ? 0 : row.GetValueOrDefault(to))])
            : new WeightedTable(new double[ChannelInfo.Count]))];

        IntentNames = [.. config.Conversation.Intents.Keys];
        Intents = new WeightedTable([.. config.Conversation.Intents.Values]);
        Agents = [.. config.Agents.Select((a, i) => new AgentModel(i, a))];
        AgentForIntent = [.. IntentNames.Select(intent =>
        {
            var agent = Agents.FirstOrDefault(a => a.Config.Intents.Count == 0 || a.Config.Intents.Contains(intent, StringComparer.Ordinal));
            return agent?.Index ?? 0;
        })];

        Guardrails = [.. config.Guardrails.Select((g, i) => new GuardrailModel(i, g, g.Provider is null ? -1 : Find(providerIndex, g.Provider)))];
        PreAgent = [.. Guardrails.Where(g => g.Config.Stage is GuardrailStage.Transport or GuardrailStage.Input or GuardrailStage.Dialog).OrderBy(g => g.Config.Stage).ThenBy(g => g.Index)];
        PostAgent = [.. Guardrails.Where(g => g.Config.Stage is GuardrailStage.Retrieval or GuardrailStage.Tool or GuardrailStage.Output).OrderBy(g => g.Config.Stage).ThenBy(g => g.Index)];
        Audit = [.. Guardrails.Where(g => g.Config.Kind == GuardrailKind.Audit || g.Config.Stage == GuardrailStage.Audit)];

        var store = config.Context.Store;
        StorePairs = new bool[ChannelInfo.Count * ChannelInfo.Count];
        if (store is not null)
        {
            foreach (var from in ChannelInfo.All)
            {
                foreach (var to in ChannelInfo.All)
                {
                    StorePairs[((int)from * ChannelInfo.Count) + (int)to] = store.AllPairs || store.Pairs.Contains(new ChannelPair(from, to));
                }
            }

            StoreLatency = LogNormal.From(store.Latency);
        }

        Faults = [.. config.Faults.Select(f => new FaultWindow(
            f.Kind,
            (long)(f.StartMinutes * 60_000_000),
            (long)((f.StartMinutes + f.DurationMinutes) * 60_000_000),
            f.Provider is null ? -1 : Find(providerIndex, f.Provider),
            f.Guardrail is null ? -1 : Guardrails.First(g => g.Name == f.Guardrail).Index,
            f.Channel,
            f.ErrorRate,
            (long)(f.AddedLatencyMs * 1000),
            f.Rate))];
    }

    /// <summary>The scenario this world was compiled from.</summary>
    public ScenarioConfig Config { get; }

    /// <summary>Run seed.</summary>
    public ulong Seed { get; }

    /// <summary>Epoch length in microseconds of simulated time.</summary>
    public long EpochMicros { get; }

    /// <summary>Providers by index.</summary>
    public ProviderModel[] Providers { get; }

    /// <summary>Route per channel index.</summary>
    public Route[] Routes { get; }

    /// <summary>First-contact channel weights.</summary>
    public WeightedTable ChannelMix { get; }

    /// <summary>Switch target weights per from-channel.</summary>
    public WeightedTable[] SwitchTables { get; }

    /// <summary>Intent names by index.</summary>
    public string[] IntentNames { get; }

    /// <summary>Intent weights.</summary>
    public WeightedTable Intents { get; }

    /// <summary>Agents by index.</summary>
    public AgentModel[] Agents { get; }

    /// <summary>Agent index serving each intent index.</summary>
    public int[] AgentForIntent { get; }

    /// <summary>Guardrail layers by index.</summary>
    public GuardrailModel[] Guardrails { get; }

    /// <summary>Layers that run before the agent, in stage order.</summary>
    public GuardrailModel[] PreAgent { get; }

    /// <summary>Layers that run on the agent's answer, in stage order.</summary>
    public GuardrailModel[] PostAgent { get; }

    /// <summary>Audit layers.</summary>
    public GuardrailModel[] Audit { get; }

    /// <summary>Scripted faults.</summary>
    public FaultWindow[] Faults { get; }

    /// <summary>Latency of a context-store lookup.</summary>
    public LogNormal StoreLatency { get; }

    private bool[] StorePairs { get; }

    /// <summary>Compiles a validated scenario.</summary>
    public static World Compile(ScenarioConfig config) => new(config);

    /// <summary>True when the application context store covers the pair.</summary>
    public bool StoreCovers(Channel from, Channel to) => StorePairs[((int)from * ChannelInfo.Count) + (int)to];

    /// <summary>True when a scripted fault of <paramref name="kind"/> is active at <paramref name="t"/> for the provider/guardrail/channel.</summary>
    public bool FaultActive(FaultKind kind, long t, int provider = -1, int guardrail = -1, Channel? channel = null)
    {
        foreach (var f in Faults)
        {
            if (f.Kind == kind && t >= f.StartMicros && t < f.EndMicros
                && (f.Provider < 0 || f.Provider == provider)
                && (f.Guardrail < 0 || f.Guardrail == guardrail)
                && (f.Channel is null || channel is null || f.Channel == channel))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Active degradation of a provider at <paramref name="t"/>: added error rate and latency.</summary>
    public (double ErrorRate, long AddedMicros) Degradation(long t, int provider, Channel channel)
    {
        double error = 0;
        long added = 0;
        foreach (var f in Faults)
        {
            if (f.Kind == FaultKind.ProviderDegradation && t >= f.StartMicros && t < f.EndMicros
                && (f.Provider < 0 || f.Provider == provider) && (f.Channel is null || f.Channel == channel))
            {
                error += f.ErrorRate;
                added += f.AddedMicros;
            }
        }

        return (error, added);
    }

    /// <summary>The share of messages a message fault of <paramref name="kind"/> hits at <paramref name="t"/> on this provider and channel (summed over active faults, at most 1).</summary>
    public double MessageFaultRate(FaultKind kind, long t, int provider, Channel channel)
    {
        double rate = 0;
        foreach (var f in Faults)
        {
            if (f.Kind == kind && t >= f.StartMicros && t < f.EndMicros
                && (f.Provider < 0 || f.Provider == provider) && (f.Channel is null || f.Channel == channel))
            {
                rate += f.Rate;
            }
        }

        return Math.Min(1, rate);
    }

    private static int Find(Dictionary<string, int> index, string name) =>
        index.TryGetValue(name, out var i) ? i : throw new ArgumentException($"Unknown provider '{name}'.");
}

/// <summary>Primary and failover provider indices of a channel (-1 for none).</summary>
public readonly record struct Route(int Primary, int Failover);

/// <summary>A compiled scripted fault window, in microseconds of simulated time.</summary>
public readonly record struct FaultWindow(FaultKind Kind, long StartMicros, long EndMicros, int Provider, int Guardrail, Channel? Channel, double ErrorRate, long AddedMicros, double Rate);
