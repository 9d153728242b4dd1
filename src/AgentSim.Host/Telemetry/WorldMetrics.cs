using System.Diagnostics;
using AgentSim.Model;
using AgentSim.Model.Channels;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Tallies;
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
    private readonly AgentSimInstruments _instruments;
    private readonly LabelSpace _space;
    private readonly TagList[] _channel;
    private readonly TagList[] _ended;
    private readonly TagList[] _abandoned;
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
    private readonly string[] _providers;
    private readonly string[] _queueNames;
    private readonly TagList[] _queues;

    /// <summary>Precomputes the tag lists of a world, one per index of its <see cref="LabelSpace"/>.</summary>
    public WorldMetrics(AgentSimInstruments instruments, World world)
    {
        _instruments = instruments;
        var space = _space = world.Labels;
        var channels = ChannelInfo.All;
        var providers = world.Providers;

        _channel = new TagList[space.ChannelCount];
        _ended = new TagList[space.EndedCount];
        _abandoned = new TagList[space.AbandonCount];
        _turns = new TagList[space.TurnCount];
        _switches = new TagList[space.SwitchCount];
        _losses = new TagList[space.LossCount];
        _incidents = new TagList[space.IncidentCount];
        _requests = new TagList[space.RequestCount];
        foreach (var c in channels)
        {
            _channel[(int)c] = new TagList { { ChannelTag, c.Name() } };
            foreach (var o in Wire<Outcome>.Values)
            {
                _ended[LabelSpace.Ended(o, c)] = new TagList { { OutcomeTag, o.Name() }, { ChannelTag, c.Name() } };
            }

            foreach (var r in Wire<AbandonReason>.Values)
            {
                _abandoned[LabelSpace.Abandoned(r, c)] = new TagList { { ReasonTag, r.Name() }, { ChannelTag, c.Name() } };
            }

            foreach (var p in providers)
            {
                _turns[space.Turn(c, p.Index)] = new TagList { { ChannelTag, c.Name() }, { ProviderTag, p.Name } };
                foreach (var r in Wire<ProviderResult>.Values)
                {
                    _requests[LabelSpace.Request(p.Index, c, r)] = new TagList { { ProviderTag, p.Name }, { ChannelTag, c.Name() }, { ResultTag, r.Name() } };
                }
            }

            foreach (var to in channels)
            {
                _switches[LabelSpace.Switch(c, to)] = new TagList { { FromTag, c.Name() }, { ToTag, to.Name() } };
                foreach (var k in Wire<Continuity>.Values)
                {
                    _losses[LabelSpace.Loss(c, to, k)] = new TagList { { FromTag, c.Name() }, { ToTag, to.Name() }, { ContinuityTag, k.Name() } };
                }
            }

            foreach (var k in Wire<IncidentKind>.Values)
            {
                foreach (var detected in new[] { false, true })
                {
                    _incidents[LabelSpace.Incident(k, c, detected)] = new TagList { { KindTag, k.Name() }, { ChannelTag, c.Name() }, { DetectedTag, detected ? "true" : "false" } };
                }
            }
        }

        _checks = new TagList[space.CheckCount];
        foreach (var g in world.Guardrails)
        {
            foreach (var r in Wire<CheckResult>.Values)
            {
                _checks[LabelSpace.Check(g.Index, r)] = new TagList
                {
                    { GuardrailTag, g.Name },
                    { KindTag, g.Config.Kind.Name() },
                    { PlacementTag, g.Config.Placement.Name() },
                    { StageTag, g.Config.Stage.Name() },
                    { ResultTag, r.Name() },
                };
            }
        }

        _guardrailLatency = [.. world.Guardrails.Select(g => new TagList { { GuardrailTag, g.Name }, { PlacementTag, g.Config.Placement.Name() } })];
        _detection = [.. Wire<IncidentKind>.Values.Select(k => new TagList { { KindTag, k.Name() } })];
        _rollbacks = new TagList[space.RollbackCount];
        foreach (var a in world.Agents)
        {
            foreach (var r in Wire<RollbackReason>.Values)
            {
                _rollbacks[LabelSpace.Rollback(a.Index, r)] = new TagList { { AgentTag, a.Name }, { ReasonTag, r.Name() } };
            }
        }

        _agents = [.. world.Agents.Select(a => a.Name)];
        _providers = [.. world.Providers.Select(p => p.Name)];
        _queueNames = [.. world.Queues.Select(q => q.Name)];
        _queues = [.. _queueNames.Select(q => new TagList { { QueueTag, q } })];
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
        _instruments.Ended.Add(1, in _ended[LabelSpace.Ended(outcome, channel)]);
        _instruments.AddInFlight(-1);
    }

    /// <inheritdoc />
    public void ConversationAbandoned(AbandonReason reason, Channel channel) =>
        _instruments.Abandoned.Add(1, in _abandoned[LabelSpace.Abandoned(reason, channel)]);

    /// <inheritdoc />
    public void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros)
    {
        if ((uint)provider >= (uint)_space.Providers)
        {
            return;
        }

        ref readonly var tags = ref _turns[_space.Turn(channel, provider)];
        _instruments.TurnCount.Add(1, in tags);
        _instruments.TurnSeconds.Record(latencyMicros / 1e6, in tags);
    }

    /// <inheritdoc />
    public void ChannelSwitch(Channel from, Channel to) =>
        _instruments.Switches.Add(1, in _switches[LabelSpace.Switch(from, to)]);

    /// <inheritdoc />
    public void ContextLoss(Channel from, Channel to, Continuity continuity) =>
        _instruments.Losses.Add(1, in _losses[LabelSpace.Loss(from, to, continuity)]);

    /// <inheritdoc />
    public void CustomerRepeat(Channel channel) => _instruments.Repeats.Add(1, in _channel[(int)channel]);

    /// <inheritdoc />
    public void GuardrailCheck(int guardrail, CheckResult result, long latencyMicros)
    {
        if ((uint)guardrail >= (uint)_guardrailLatency.Length)
        {
            return;
        }

        _instruments.Checks.Add(1, in _checks[LabelSpace.Check(guardrail, result)]);
        _instruments.GuardrailSeconds.Record(latencyMicros / 1e6, in _guardrailLatency[guardrail]);
    }

    /// <inheritdoc />
    public void Incident(IncidentKind kind, Channel channel, bool detected, long detectMicros)
    {
        _instruments.IncidentCount.Add(1, in _incidents[LabelSpace.Incident(kind, channel, detected)]);
        if (detected)
        {
            _instruments.DetectionSeconds.Record(detectMicros / 1e6, in _detection[(int)kind]);
        }
    }

    /// <inheritdoc />
    public void ProviderRequest(int provider, Channel channel, ProviderResult result)
    {
        if ((uint)provider < (uint)_space.Providers)
        {
            _instruments.Requests.Add(1, in _requests[LabelSpace.Request(provider, channel, result)]);
        }
    }

    /// <inheritdoc />
    public void AgentRollback(int agent, RollbackReason reason)
    {
        if ((uint)agent < (uint)_agents.Length)
        {
            _instruments.Rollbacks.Add(1, in _rollbacks[LabelSpace.Rollback(agent, reason)]);
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

    /// <inheritdoc />
    public void AgentLoad(int agent, double busy, double utilisation)
    {
        if ((uint)agent < (uint)_agents.Length)
        {
            _instruments.SetAgentLoad(_agents[agent], busy, utilisation);
        }
    }

    /// <inheritdoc />
    public void ProviderLoad(int provider, double utilisation)
    {
        if ((uint)provider < (uint)_providers.Length)
        {
            _instruments.SetProviderLoad(_providers[provider], utilisation);
        }
    }

    /// <inheritdoc />
    public void QueueAnswered(int queue, long waitMicros)
    {
        if ((uint)queue < (uint)_queues.Length)
        {
            _instruments.QueueAnswered.Add(1, in _queues[queue]);
            _instruments.QueueWaitSeconds.Record(waitMicros / 1e6, in _queues[queue]);
        }
    }

    /// <inheritdoc />
    public void QueueAbandoned(int queue, long waitMicros)
    {
        if ((uint)queue < (uint)_queues.Length)
        {
            _instruments.QueueAbandoned.Add(1, in _queues[queue]);
        }
    }

    /// <inheritdoc />
    public void QueueState(int queue, int waiting, int busy)
    {
        if ((uint)queue < (uint)_queueNames.Length)
        {
            _instruments.SetQueue(_queueNames[queue], waiting, busy);
        }
    }

    // Adds 0 to every counter series a world can produce (a switch from a channel to itself cannot happen).
    private void CreateSeries()
    {
        Zero(_instruments.Started, _channel);
        Zero(_instruments.Ended, _ended);
        Zero(_instruments.Abandoned, _abandoned);
        Zero(_instruments.TurnCount, _turns);
        Zero(_instruments.Switches, ChannelInfo.All.SelectMany(from => ChannelInfo.All.Where(to => to != from).Select(to => _switches[LabelSpace.Switch(from, to)])));
        Zero(_instruments.Losses, _losses);
        Zero(_instruments.Repeats, _channel);
        Zero(_instruments.Checks, _checks);
        Zero(_instruments.IncidentCount, _incidents);
        Zero(_instruments.Rollbacks, _rollbacks);
        Zero(_instruments.Requests, _requests);
        Zero(_instruments.QueueAnswered, _queues);
        Zero(_instruments.QueueAbandoned, _queues);
        foreach (var agent in _agents)
        {
            _instruments.AddAgent(agent);
            _instruments.SetAgentLoad(agent, 0, 0);
        }

        foreach (var provider in _providers)
        {
            _instruments.SetProviderLoad(provider, 0);
        }

        foreach (var queue in _queueNames)
        {
            _instruments.SetQueue(queue, 0, 0);
        }
    }

    private static void Zero(System.Diagnostics.Metrics.Counter<long> counter, IEnumerable<TagList> series)
    {
        foreach (var tags in series)
        {
            counter.Add(0, in tags);
        }
    }
}
