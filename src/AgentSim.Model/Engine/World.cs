using AgentSim.Model.Agents;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Faults;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Guardrails.Layers;
using AgentSim.Model.Providers;
using AgentSim.Model.Randomness;
using AgentSim.Model.Tallies;

namespace AgentSim.Model.Engine;

/// <summary>
/// A scenario compiled for simulation: names resolved to indices, distributions fitted, tables built.
/// Immutable and shared by every shard of a run.
/// </summary>
public sealed class World
{
    private readonly Dictionary<string, int> _tierIndex;

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
        PreAgent = [.. Guardrails.Where(g => g.Config.Stage.IsBeforeAgent()).OrderBy(g => g.Config.Stage).ThenBy(g => g.Index)];
        PostAgent = [.. Guardrails.Where(g => g.Config.Stage.IsAfterAgent()).OrderBy(g => g.Config.Stage).ThenBy(g => g.Index)];
        Faults = new FaultSchedule(config.Faults.Select(f => new FaultWindow(
            f.Kind,
            (long)(f.StartMinutes * 60_000_000),
            (long)((f.StartMinutes + f.DurationMinutes) * 60_000_000),
            f.Provider is null ? -1 : Find(providerIndex, f.Provider),
            f.Guardrail is null ? -1 : Guardrails.First(g => g.Name == f.Guardrail).Index,
            f.Channel,
            f.ErrorRate,
            (long)(f.AddedLatencyMs * 1000),
            f.Rate)));
        Queues = config.HumanQueues.Count > 0 ? [.. config.HumanQueues] : [new HumanQueueConfig { Name = DefaultQueueName }];
        var queueIndex = Queues.Select((q, i) => (q.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        QueueOfAgent = [.. Agents.Select(a => a.Config.Queue is { } q && queueIndex.TryGetValue(q, out var i) ? i : 0)];
        TierNames = [.. config.Customers.Tiers.Keys];
        _tierIndex = TierNames.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        Labels = new LabelSpace(Providers.Length, Guardrails.Length, Agents.Length, Queues.Length);
        MeanThinkSeconds = [.. ChannelInfo.All.Select(c => config.Channels.ThinkSeconds.TryGetValue(c, out var s) ? s : c.DefaultThinkSeconds())];
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

    /// <summary>The queue every handover goes to when a scenario defines none: unlimited servers, so nobody waits.</summary>
    public const string DefaultQueueName = "human";

    /// <summary>The human queues by index (one unlimited queue when the scenario defines none).</summary>
    public HumanQueueConfig[] Queues { get; }

    /// <summary>Per agent: the index of the queue it hands customers to.</summary>
    public int[] QueueOfAgent { get; }

    /// <summary>Customer tier names, in the order tier indices refer to.</summary>
    public string[] TierNames { get; }

    /// <summary>The label space of this world's counters: how tallies and metrics index them.</summary>
    public LabelSpace Labels { get; }

    /// <summary>Scripted faults.</summary>
    public FaultSchedule Faults { get; }

    /// <summary>Mean customer think time between turns, in seconds, per channel index.</summary>
    public double[] MeanThinkSeconds { get; }

    /// <summary>Compiles a validated scenario.</summary>
    public static World Compile(ScenarioConfig config) => new(config);

    /// <summary>The index of a customer tier (-1 for a tier the scenario does not list).</summary>
    public int TierIndex(string tier) => _tierIndex.TryGetValue(tier, out var i) ? i : -1;

    private static int Find(Dictionary<string, int> index, string name) =>
        index.TryGetValue(name, out var i) ? i : throw new ArgumentException($"Unknown provider '{name}'.");
}
