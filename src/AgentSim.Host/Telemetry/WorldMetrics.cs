using System.Diagnostics;
using AgentSim.Model.Agents;
using AgentSim.Model.Channels;
using AgentSim.Model.Conversations;
using AgentSim.Model.Engine;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Providers;
using static AgentSim.Host.Telemetry.AgentSimInstruments;

namespace AgentSim.Host.Telemetry;

/// <summary>
/// Turns one world's simulation events into <see cref="AgentSimInstruments"/> measurements. Every tag list is built
/// once from the world's bounded label sets (channels, outcomes, provider/guardrail/agent names), never from ids,
/// so recording allocates nothing. Every counter series of those sets is created (with 0) when the world's metrics are,
/// so the set of exported series does not grow as rare combinations turn up. Thread-safe: instruments are.
/// </summary>
public sealed class WorldMetrics : ISimulationObserver
{
    private const int Ch = ChannelInfo.Count;
    private const string NoProvider = "none";

    private static readonly Outcome[] Outcomes = Enum.GetValues<Outcome>();
    private static readonly Continuity[] Continuities = Enum.GetValues<Continuity>();
    private static readonly CheckResult[] CheckResults = Enum.GetValues<CheckResult>();
    private static readonly IncidentKind[] IncidentKinds = Enum.GetValues<IncidentKind>();
    private static readonly ProviderResult[] ProviderResults = Enum.GetValues<ProviderResult>();
    private static readonly RollbackReason[] Reasons = Enum.GetValues<RollbackReason>();

    private readonly AgentSimInstruments _instruments;
    private readonly int _providers;
    private readonly TagList[] _channel;
    private readonly TagList[] _ended;
    private readonly TagList[] _turns;
    private readonly TagList[] _switches;
    private readonly TagList[] _losses;
    private readonly TagList[] _checks;
    private readonly TagList[] _guardrailLatency;
    private readonly TagList[] _incidents;
    private readonly TagList[] _detection;
    private readonly TagList[] _rollbacks;
    private readonly TagList[] _requests;
    private readonly string[] _agents;

    /// <summary>Precomputes the tag lists of a world.</summary>
    public WorldMetrics(AgentSimInstruments instruments, World world)
    {
        _instruments = instruments;
        _providers = world.Providers.Length;
        string[] providers = [.. world.Providers.Select(p => p.Name), NoProvider];
        var channels = ChannelInfo.All;

        _channel = [.. channels.Select(c => new TagList { { ChannelTag, c.Name() } })];
        _ended = [.. from o in Outcomes from c in channels select new TagList { { OutcomeTag, o.Name() }, { ChannelTag, c.Name() } }];
        _turns = [.. from c in channels from p in providers select new TagList { { ChannelTag, c.Name() }, { ProviderTag, p } }];
        _switches = [.. from f in channels from t in channels select new TagList { { FromTag, f.Name() }, { ToTag, t.Name() } }];
        _losses = [.. from f in channels from t in channels from k in Continuities
                      select new TagList { { FromTag, f.Name() }, { ToTag, t.Name() }, { ContinuityTag, k.Name() } }];
        _checks = [.. from g in world.Guardrails from r in CheckResults
                      select new TagList
                      {
                          { GuardrailTag, g.Name },
                          { KindTag, g.Config.Kind.Name() },
                          { PlacementTag, g.Config.Placement.Name() },
                          { StageTag, g.Config.Stage.Name() },
                          { ResultTag, r.Name() },
                      }];
        _guardrailLatency = [.. world.Guardrails.Select(g => new TagList { { GuardrailTag, g.Name }, { PlacementTag, g.Config.Placement.Name() } })];
        _incidents = [.. from k in IncidentKinds from c in channels from d in new[] { "false", "true" }
                         select new TagList { { KindTag, k.Name() }, { ChannelTag, c.Name() }, { DetectedTag, d } }];
        _detection = [.. IncidentKinds.Select(k => new TagList { { KindTag, k.Name() } })];
        _rollbacks = [.. from a in world.Agents from r in Reasons select new TagList { { AgentTag, a.Name }, { ReasonTag, r.Name() } }];
        _requests = [.. from p in providers from c in channels from r in ProviderResults
                        select new TagList { { ProviderTag, p }, { ChannelTag, c.Name() }, { ResultTag, r.Name() } }];
        _agents = [.. world.Agents.Select(a => a.Name)];
        CreateSeries();
    }

    /// <inheritdoc />
    public void ConversationStarted(Channel channel)
    {
        _instruments.Started.Add(1, in _channel[(int)channel]);
        _instruments.AddInFlight(1);
    }

    /// <inheritdoc />
    public void ConversationEnded(Outcome outcome, Channel channel)
    {
        _instruments.Ended.Add(1, in _ended[((int)outcome * Ch) + (int)channel]);
        _instruments.AddInFlight(-1);
    }

    /// <inheritdoc />
    public void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros)
    {
        ref readonly var tags = ref _turns[((int)channel * (_providers + 1)) + ProviderSlot(provider)];
        _instruments.TurnCount.Add(1, in tags);
        _instruments.TurnSeconds.Record(latencyMicros / 1e6, in tags);
    }

    /// <inheritdoc />
    public void ChannelSwitch(Channel from, Channel to) =>
        _instruments.Switches.Add(1, in _switches[((int)from * Ch) + (int)to]);

    /// <inheritdoc />
    public void ContextLoss(Channel from, Channel to, Continuity continuity) =>
        _instruments.Losses.Add(1, in _losses[((((int)from * Ch) + (int)to) * Continuities.Length) + (int)continuity]);

    /// <inheritdoc />
    public void CustomerRepeat(Channel channel) => _instruments.Repeats.Add(1, in _channel[(int)channel]);

    /// <inheritdoc />
    public void GuardrailCheck(int guardrail, CheckResult result, long latencyMicros)
    {
        if ((uint)guardrail >= (uint)_guardrailLatency.Length)
        {
            return;
        }

        _instruments.Checks.Add(1, in _checks[(guardrail * CheckResults.Length) + (int)result]);
        _instruments.GuardrailSeconds.Record(latencyMicros / 1e6, in _guardrailLatency[guardrail]);
    }

    /// <inheritdoc />
    public void Incident(IncidentKind kind, Channel channel, bool detected, long detectMicros)
    {
        _instruments.IncidentCount.Add(1, in _incidents[((((int)kind * Ch) + (int)channel) * 2) + (detected ? 1 : 0)]);
        if (detected)
        {
            _instruments.DetectionSeconds.Record(detectMicros / 1e6, in _detection[(int)kind]);
        }
    }

    /// <inheritdoc />
    public void ProviderRequest(int provider, Channel channel, ProviderResult result) =>
        _instruments.Requests.Add(1, in _requests[(((ProviderSlot(provider) * Ch) + (int)channel) * ProviderResults.Length) + (int)result]);

    /// <inheritdoc />
    public void AgentRollback(int agent, RollbackReason reason)
    {
        var index = (agent * Reasons.Length) + (int)reason;
        if ((uint)index < (uint)_rollbacks.Length)
        {
            _instruments.Rollbacks.Add(1, in _rollbacks[index]);
        }
    }

    /// <inheritdoc />
    public void AgentState(int agent, bool rolledBack)
    {
        if ((uint)agent < (uint)_agents.Length)
        {
            _instruments.SetRolledBack(_agents[agent], rolledBack);
        }
    }

    // Adds 0 to every counter series a world can produce. The "none" provider slot is left out: the engine never reports it.
    private void CreateSeries()
    {
        var realProviders = _providers * Ch;
        Zero(_instruments.Started, _channel);
        Zero(_instruments.Ended, _ended);
        Zero(_instruments.TurnCount, _turns.Where((_, i) => i % (_providers + 1) < _providers));
        Zero(_instruments.Switches, _switches.Where((_, i) => i / Ch != i % Ch));
        Zero(_instruments.Losses, _losses);
        Zero(_instruments.Repeats, _channel);
        Zero(_instruments.Checks, _checks);
        Zero(_instruments.IncidentCount, _incidents);
        Zero(_instruments.Rollbacks, _rollbacks);
        Zero(_instruments.Requests, _requests.Take(realProviders * ProviderResults.Length));
        foreach (var agent in _agents)
        {
            _instruments.AddAgent(agent);
        }
    }

    private static void Zero(System.Diagnostics.Metrics.Counter<long> counter, IEnumerable<TagList> series)
    {
        foreach (var tags in series)
        {
            counter.Add(0, in tags);
        }
    }

    private int ProviderSlot(int provider) => (uint)provider < (uint)_providers ? provider : _providers;
}
