using AgentSim.Abstractions.Messages;
using AgentSim.Model;
using AgentSim.Model.Channels;
using AgentSim.Model.Conversations;
using AgentSim.Model.Engine;
using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Faults;
using AgentSim.Model.Queues;

namespace AgentSim.Grains.Live;

/// <summary>
/// A silo's real-time clock over one compiled world: simulated time runs <see cref="TimeScale"/> times as fast as the
/// wall clock from the moment it is made. Conversations play the model's turns one at a time against the current
/// <see cref="EpochSnapshot"/> (<see cref="Play"/>); <see cref="Tick"/>, called often by the silo's clock grain, hands the
/// turns' handovers to the human queues (the exact queues of the virtual-time engine, advanced to now) and, once an epoch
/// of simulated time has passed, closes it — governance, provider throttling, outages — and reads the next snapshot.
/// A paused process does not replay the time it missed: the next epoch is the one the clock is in now. Provider quotas and
/// AI agent concurrency act as turns happen (<see cref="LiveCapacity"/>), not per epoch. Faults come from the scenario's
/// timeline (in simulated time since the clock started) and from the runtime faults applied with <see cref="ApplyFaults"/>
/// (placed from wall-clock time onto this clock); every snapshot carries both (<see cref="EpochSnapshot.Faults"/>).
/// </summary>
public sealed class LiveRun
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly ISimulationObserver? _metrics;
    private readonly ThreadLocal<Slot> _slots;
    private readonly SharedState _shared;
    private readonly HumanQueue[] _queues;
    private readonly List<(int Queue, QueueArrival Arrival)> _pending = [];
    private readonly object _tickLock = new();
    private readonly LiveCapacity _capacity;
    private EpochReport _epochReport;
    private volatile EpochSnapshot _current;
    private volatile FaultSchedule _faults;
    private long _faultsVersion = -1;
    private string? _faultsRegistry;
    private ConversationStarter? _rebuilder;

    /// <summary>Starts the clock of <paramref name="world"/> now; <paramref name="metrics"/> sees every event (thread-safe).</summary>
    public LiveRun(World world, double timeScale, LiveConversations conversations, ISimulationObserver? metrics, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeScale);
        World = world;
        TimeScale = timeScale;
        Conversations = conversations;
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
        _slots = new ThreadLocal<Slot>(() => new Slot(world, metrics), trackAllValues: true);
        _shared = new SharedState(world);
        _queues = [.. world.Queues.Select(q => new HumanQueue(q, world.Seed, world.TierNames))];
        _capacity = new LiveCapacity(world, timeScale);
        _epochReport = NewReport();
        _faults = world.Faults;
        _current = Begin(0);
    }

    /// <summary>The world simulated.</summary>
    public World World { get; }

    /// <summary>Simulated seconds per wall-clock second.</summary>
    public double TimeScale { get; }

    /// <summary>The silo's conversations: admission, status and outcomes.</summary>
    public LiveConversations Conversations { get; }

    /// <summary>The shared state in force now.</summary>
    public EpochSnapshot Current => _current;

    /// <summary>The faults in force on this clock: the scenario's timeline and the runtime faults last applied.</summary>
    public FaultSchedule Faults => _faults;

    /// <summary>
    /// Puts the runtime faults of <paramref name="list"/> in force beside the timeline, from the next turn on: each one's
    /// wall-clock window is placed on this clock (ended ones and those of unknown names are left out). A list from the same
    /// registry activation no newer than the one applied is ignored. Returns whether it was applied.
    /// </summary>
    public bool ApplyFaults(RuntimeFaultList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        lock (_tickLock)
        {
            if (list.Registry == _faultsRegistry && list.Version <= _faultsVersion)
            {
                return false;
            }

            (_faultsRegistry, _faultsVersion) = (list.Registry, list.Version);
            var now = NowMicros;
            var utc = _time.GetUtcNow();
            var windows = new List<FaultWindow>(World.Faults.Windows);
            foreach (var fault in list.Faults)
            {
                if (TryPlace(fault, now, utc) is { } window && window.EndMicros > now)
                {
                    windows.Add(window);
                }
            }

            _faults = new FaultSchedule(windows);
            _current = _current.WithFaults(_faults);
            return true;
        }
    }

    /// <summary>The faults in force now, timeline and runtime, each as its kind and scope label (<see cref="ScopeOf"/>).</summary>
    public IReadOnlyList<(FaultKind Kind, string Scope)> ActiveFaults()
    {
        var now = NowMicros;
        return [.. _faults.Windows.Where(w => w.StartMicros <= now && now < w.EndMicros).Select(w => (w.Kind, ScopeOf(w)))];
    }

    /// <summary>
    /// What a fault is aimed at, as a metric label from the scenario's names: the provider (with <c>/channel</c> when
    /// limited to one), the guardrail layer, the channel alone, or <c>all</c>.
    /// </summary>
    public string ScopeOf(FaultWindow window) => ScopeLabel(
        window.Provider >= 0 ? World.Providers[window.Provider].Name : null,
        window.Guardrail >= 0 ? World.Guardrails[window.Guardrail].Name : null,
        window.Channel?.Name());

    /// <summary>The scope label of a fault aimed at these names (see <see cref="ScopeOf"/>).</summary>
    public static string ScopeLabel(string? provider, string? guardrail, string? channel)
    {
        var target = provider ?? guardrail;
        return target is null ? channel ?? "all" : channel is null ? target : target + "/" + channel;
    }

    /// <summary>Simulated time now, µs since the clock started.</summary>
    public long NowMicros => (long)(_time.GetElapsedTime(_start).TotalSeconds * TimeScale * 1e6);

    /// <summary>Wall-clock time from now until simulated time <paramref name="simMicros"/> (negative when it has passed).</summary>
    public TimeSpan WallUntil(long simMicros) =>
        TimeSpan.FromSeconds(simMicros / 1e6 / TimeScale) - _time.GetElapsedTime(_start);

    /// <summary>Wall-clock length of <paramref name="simMicros"/> of simulated time.</summary>
    public TimeSpan WallLength(long simMicros) => TimeSpan.FromSeconds(simMicros / 1e6 / TimeScale);

    /// <summary>Turns a request's names into the model's choices; false with one line per wrong field.</summary>
    public bool TryResolve(ConversationSpec spec, out StartChoices choices, out string[] problems)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var found = new List<string>();
        Channel? channel = null;
        if (spec.Channel is { } c)
        {
            if (!Wire<Channel>.TryParse(c, out var parsed))
            {
                found.Add($"channel: '{c}' is not a channel; the channels are {string.Join(", ", Wire<Channel>.Values.Select(v => v.Name()))}");
            }
            else if (World.Routes[(int)parsed].Primary < 0)
            {
                found.Add($"channel: '{c}' is not routed to any provider in this scenario; routed channels are {string.Join(", ", Wire<Channel>.Values.Where(v => World.Routes[(int)v].Primary >= 0).Select(v => v.Name()))}");
            }
            else
            {
                channel = parsed;
            }
        }

        int? intent = null;
        if (spec.Intent is { } i)
        {
            var index = Array.IndexOf(World.IntentNames, i);
            if (index < 0)
            {
                found.Add($"intent: '{i}' is not one of the scenario's intents ({string.Join(", ", World.IntentNames)})");
            }
            else
            {
                intent = index;
            }
        }

        if (spec.Tier is { } t && World.TierIndex(t) < 0)
        {
            found.Add($"tier: '{t}' is not one of the scenario's customer tiers ({string.Join(", ", World.TierNames)})");
        }

        choices = new StartChoices(channel, intent, spec.Tier, spec.Seed);
        problems = [.. found];
        return found.Count == 0;
    }

    /// <summary>Starts conversation <paramref name="id"/> now.</summary>
    public ConversationState Start(long id, in StartChoices choices)
    {
        var slot = _slots.Value!;
        var stamp = _time.GetTimestamp();
        var now = (long)(_time.GetElapsedTime(_start, stamp).TotalSeconds * TimeScale * 1e6);
        ConversationState c;
        lock (slot)
        {
            c = slot.Turns.Start(id, now, choices);
        }

        Conversations.Started(id, now, stamp, c.Channel);
        return c;
    }

    /// <summary>
    /// Conversation <paramref name="id"/> as it started, drawn again from (seed, id) with <paramref name="choices"/>, and not
    /// counted as a start: a checkpoint then restores what its turns changed (<see cref="ConversationCheckpoint"/>).
    /// </summary>
    public ConversationState Rebuild(long id, in StartChoices choices)
    {
        lock (_tickLock)
        {
            _rebuilder ??= new ConversationStarter(World, Silent.Instance);
            return _rebuilder.Start(id, 0, choices);
        }
    }

    /// <summary>
    /// Counts conversation <paramref name="c"/>, resumed here after its silo was lost, as started on this silo
    /// (<c>agentsim_conversations_started_total</c>): it ends here, and the lost silo's counters are gone with it, so this
    /// silo's started and ended stay in balance.
    /// </summary>
    public void Resumed(ConversationState c)
    {
        ArgumentNullException.ThrowIfNull(c);
        _metrics?.ConversationStarted(c.Channel);
    }

    /// <summary>
    /// Puts conversation <paramref name="id"/>, handed over to human queue <paramref name="queue"/> on a silo that was lost,
    /// at the back of this silo's same queue now (its wait starts again; the lost silo's queue is gone with it). False when
    /// this world has no queue of that name.
    /// </summary>
    public bool Requeue(long id, string queue, Channel channel, string tier)
    {
        var q = Array.FindIndex(World.Queues, x => x.Name == queue);
        if (q < 0)
        {
            return false;
        }

        lock (_tickLock)
        {
            _pending.Add((q, new QueueArrival(id, NowMicros, channel, World.TierIndex(tier))));
        }

        return true;
    }

    /// <summary>Plays the next turn of <paramref name="c"/> against the current snapshot; returns whether it ended (or was handed over) and the turn's latency.</summary>
    public (bool Ended, long LatencyMicros) Play(ConversationState c)
    {
        var slot = _slots.Value!;
        lock (slot)
        {
            slot.Capture.LatencyMicros = 0;
            var ended = slot.Turns.PlayNext(c, _current, slot.Report);
            return (ended, slot.Capture.LatencyMicros);
        }
    }

    /// <summary>Name of the human queue conversation <paramref name="c"/>'s agent hands over to.</summary>
    public string QueueOf(ConversationState c) => World.Queues[World.QueueOfAgent[c.Agent]].Name;

    /// <summary>Hands the turns' handovers to the human queues and ends who they decided; closes the epoch once it has passed. Not re-entrant (one clock grain calls it).</summary>
    public void Tick()
    {
        lock (_tickLock)
        {
            var now = NowMicros;
            foreach (var slot in _slots.Values)
            {
                EpochReport report;
                lock (slot)
                {
                    report = slot.Report;
                    slot.Report = NewReport();
                }

                _epochReport.Add(report);
            }

            AdvanceQueues(now);
            if (now >= _current.EndMicros)
            {
                CloseEpoch(now);
            }
        }
    }

    private void AdvanceQueues(long now)
    {
        for (var q = 0; q < _queues.Length; q++)
        {
            foreach (var arrival in _epochReport.Handovers[q])
            {
                _pending.Add((q, arrival));
            }

            _epochReport.Handovers[q].Clear();
        }

        if (_queues.Length == 0 || now <= _queues[0].NowMicros)
        {
            return;
        }

        var due = new List<QueueArrival>[_queues.Length];
        for (var q = 0; q < _queues.Length; q++)
        {
            due[q] = [];
        }

        // A handover at the end of a turn whose latency has not yet passed waits here; one reported late joins the queue now.
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            var (q, arrival) = _pending[i];
            if (arrival.ArrivalMicros < now)
            {
                due[q].Add(arrival with { ArrivalMicros = Math.Max(arrival.ArrivalMicros, _queues[q].NowMicros) });
                _pending.RemoveAt(i);
            }
        }

        for (var q = 0; q < _queues.Length; q++)
        {
            var decided = _queues[q].Advance(due[q], now);
            foreach (var answer in decided.Answered)
            {
                _metrics?.QueueAnswered(q, answer.WaitMicros);
                _metrics?.ConversationEnded(Outcome.Escalated, answer.Channel);
                Conversations.Ended(answer.ConversationId, Outcome.Escalated, answer.AnsweredAtMicros, answer.WaitMicros);
            }

            foreach (var left in decided.Abandoned)
            {
                _metrics?.QueueAbandoned(q, left.WaitMicros);
                _metrics?.ConversationEnded(Outcome.Abandoned, left.Channel);
                Conversations.Ended(left.ConversationId, Outcome.Abandoned, left.LeftAtMicros, left.WaitMicros);
            }

            _metrics?.QueueState(q, _queues[q].Waiting, _queues[q].Busy);
        }
    }

    private void CloseEpoch(long now)
    {
        var rollbacks = _shared.Close(_current, _epochReport);
        for (var a = 0; a < rollbacks.Length; a++)
        {
            if (rollbacks[a] is { } reason)
            {
                _metrics?.AgentRollback(a, reason);
            }
        }

        _epochReport = NewReport();
        _current = Begin((int)Math.Min(int.MaxValue, now / World.EpochMicros));
    }

    private EpochSnapshot Begin(int epoch)
    {
        var snapshot = _shared.Snapshot(EpochWindow.Of(World, epoch), _capacity).WithFaults(_faults);
        for (var a = 0; a < snapshot.AgentRolledBack.Length; a++)
        {
            _metrics?.AgentState(a, snapshot.AgentRolledBack[a]);
        }

        return snapshot;
    }

    // A runtime fault's wall-clock window on this clock (null when it names what this world does not have).
    private FaultWindow? TryPlace(RuntimeFault fault, long now, DateTimeOffset utc)
    {
        if (!Wire<FaultKind>.TryParse(fault.Kind, out var kind))
        {
            return null;
        }

        var provider = fault.Provider is { } p ? Array.FindIndex(World.Providers, x => x.Name == p) : -1;
        var guardrail = fault.Guardrail is { } g ? Array.FindIndex(World.Guardrails, x => x.Name == g) : -1;
        Channel? channel = null;
        if (fault.Channel is { } c)
        {
            if (!Wire<Channel>.TryParse(c, out var parsed))
            {
                return null;
            }

            channel = parsed;
        }

        if ((fault.Provider is not null && provider < 0) || (fault.Guardrail is not null && guardrail < 0))
        {
            return null;
        }

        return new FaultWindow(kind, SimAt(fault.StartsAt), SimAt(fault.EndsAt), provider, guardrail, channel, fault.ErrorRate, (long)(fault.AddedLatencyMs * 1000), fault.Rate);

        // Saturates far out rather than overflow: a fault days away at a large time scale.
        long SimAt(DateTimeOffset at) => (long)Math.Clamp(now + ((at - utc).TotalSeconds * TimeScale * 1e6), 0, long.MaxValue / 4);
    }

    private EpochReport NewReport() => new(World.Agents.Length, World.Providers.Length, World.Queues.Length);

    // Rebuilding a conversation is not a start: nothing is observed.
    private sealed class Silent : SimulationObserver
    {
        public static readonly Silent Instance = new();
    }

    // One per thread that plays turns: the model's simulator is not thread-safe, and the lock is taken only against Tick's harvest.
    private sealed class Slot
    {
        public Slot(World world, ISimulationObserver? metrics)
        {
            Capture = new TurnCapture();
            Turns = new TurnSimulator(world, CompositeObserver.Of(Capture, metrics));
            Report = new EpochReport(world.Agents.Length, world.Providers.Length, world.Queues.Length);
        }

        public TurnCapture Capture { get; }

        public TurnSimulator Turns { get; }

        public EpochReport Report { get; set; }
    }
}
