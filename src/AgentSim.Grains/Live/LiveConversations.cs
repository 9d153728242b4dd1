using System.Collections.Concurrent;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Cluster;
using AgentSim.Model;
using AgentSim.Model.Channels;
using AgentSim.Model.Events;

namespace AgentSim.Grains.Live;

/// <summary>
/// A silo's real-time conversations: admission (at most <see cref="Limit"/> in flight; past it an arrival is refused and
/// counted as shed, never queued without bound), where each stands, and the outcomes of the last
/// <see cref="Retained"/> to end (older ones are forgotten, so memory stays flat however long the silo runs). Ids are
/// handed out here, in order, after the ledger's <see cref="ConversationLedger.IdBase"/> (unique to the silo in a
/// cluster). Each conversation's first end is also written to the cluster's <see cref="ConversationLedger"/>. Thread-safe.
/// </summary>
public sealed class LiveConversations
{
    /// <summary>Default admission limit: conversations in flight on one silo.</summary>
    public const int DefaultLimit = 30_000;

    /// <summary>Default count of ended conversations whose outcome is kept for <c>GET /api/conversations/{id}</c>.</summary>
    public const int DefaultRetained = 100_000;

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, Record> _records = new();
    private readonly ConcurrentQueue<long> _ended = new();
    private readonly ConversationLedger? _ledger;
    private readonly long _idBase;
    private long _lastId;
    private int _inFlight;

    /// <summary>
    /// Admits at most <paramref name="limit"/> at once and keeps the outcomes of the last <paramref name="retained"/> to end;
    /// ids follow <paramref name="ledger"/>'s base and every outcome goes to it (none: ids from 1, outcomes kept here only).
    /// </summary>
    public LiveConversations(int limit, int retained, TimeProvider time, ILiveMetrics metrics, ConversationLedger? ledger = null)
    {
        _ledger = ledger;
        _idBase = ledger?.IdBase ?? 0;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentNullException.ThrowIfNull(metrics);
        Limit = limit;
        Retained = Math.Max(0, retained);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        metrics.AdmissionLimit(limit);
    }

    /// <summary>Admission limit: conversations in flight.</summary>
    public int Limit { get; }

    /// <summary>Ended conversations whose outcome is kept.</summary>
    public int Retained { get; }

    /// <summary>Conversations admitted and not yet ended.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Conversations admitted so far.</summary>
    public long Admitted => Interlocked.Read(ref _lastId);

    /// <summary>Admits one conversation and gives its id, or refuses (false) when the silo is at its limit.</summary>
    public bool TryAdmit(out long id)
    {
        if (Interlocked.Increment(ref _inFlight) > Limit)
        {
            Interlocked.Decrement(ref _inFlight);
            id = 0;
            return false;
        }

        id = _idBase + Interlocked.Increment(ref _lastId);
        return true;
    }

    /// <summary>
    /// Takes in conversation <paramref name="id"/>, started on a silo that was lost and resumed here, as if admitted and
    /// started here at <paramref name="simMicros"/> with <paramref name="turns"/> played; false when this silo is at its
    /// admission limit (the taker then ends it failed rather than exceed the limit). Its views count time from here.
    /// </summary>
    public bool TryAdopt(long id, long simMicros, Channel channel, int turns, string? queue)
    {
        if (Holds(id))
        {
            // Already in flight here (its activation was deactivated under it and is activated again): admitted once.
            return true;
        }

        if (Interlocked.Increment(ref _inFlight) > Limit)
        {
            Interlocked.Decrement(ref _inFlight);
            return false;
        }

        var record = new Record(id, simMicros, _time.GetTimestamp(), channel) { Turns = turns, Queue = queue, Resumed = true };
        if (!_records.TryAdd(id, record))
        {
            Interlocked.Decrement(ref _inFlight);
        }

        return true;
    }

    /// <summary>
    /// Drops conversation <paramref name="id"/> without an outcome: another silo owns it now (this one was declared dead
    /// and its conversations taken over), so what this silo would record is not the conversation's.
    /// </summary>
    public void Forget(long id)
    {
        if (_records.TryRemove(id, out var r))
        {
            lock (r)
            {
                if (r.Outcome is not null)
                {
                    return;
                }

                r.Outcome = Outcome.Failed;
            }

            Interlocked.Decrement(ref _inFlight);
            r.Done.TrySetResult();
        }
    }

    /// <summary>True when conversation <paramref name="id"/> is in flight here.</summary>
    public bool Holds(long id)
    {
        if (!_records.TryGetValue(id, out var r))
        {
            return false;
        }

        lock (r)
        {
            return r.Outcome is null;
        }
    }

    /// <summary>Ids of the conversations started here and not yet ended.</summary>
    public long[] Open() => [.. _records.Values.Where(r => r.Outcome is null).Select(r => r.Id)];

    /// <summary>Gives back an admission whose conversation never started (its grain could not be reached).</summary>
    public void Release(long id)
    {
        if (!_records.ContainsKey(id))
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Records that conversation <paramref name="id"/> started at <paramref name="simMicros"/>, wall timestamp <paramref name="wallStamp"/> (of <see cref="TimeProvider.GetTimestamp"/>), on <paramref name="channel"/>.</summary>
    public void Started(long id, long simMicros, long wallStamp, Channel channel) =>
        _records[id] = new Record(id, simMicros, wallStamp, channel);

    /// <summary>Records a turn played: how many so far and the channel it was on.</summary>
    public void Turned(long id, int turns, Channel channel)
    {
        if (_records.TryGetValue(id, out var r))
        {
            lock (r)
            {
                r.Turns = turns;
                r.Channel = channel;
            }
        }
    }

    /// <summary>Records that the conversation was handed to <paramref name="queue"/>: a human queue now decides its outcome.</summary>
    public void Queued(long id, string queue)
    {
        if (_records.TryGetValue(id, out var r))
        {
            lock (r)
            {
                r.Queue = queue;
            }
        }
    }

    /// <summary>
    /// Ends a conversation (once: a second end of the same id is ignored) at <paramref name="simMicros"/>, and writes the
    /// outcome to the ledger in the background. Returns whether this was its first end here.
    /// </summary>
    public bool Ended(long id, Outcome outcome, long simMicros, long? queueWaitMicros = null)
    {
        if (!_records.TryGetValue(id, out var r))
        {
            return false;
        }

        lock (r)
        {
            if (r.Outcome is not null)
            {
                return false;
            }

            r.Outcome = outcome;
            r.EndSimMicros = simMicros;
            r.EndWall = _time.GetTimestamp();
            r.QueueWaitMicros = queueWaitMicros;
        }

        Interlocked.Decrement(ref _inFlight);
        _ledger?.EndInBackground(id, outcome);
        r.Done.TrySetResult();
        _ended.Enqueue(id);
        while (_ended.Count > Retained && _ended.TryDequeue(out var old))
        {
            _records.TryRemove(old, out _);
        }

        return true;
    }

    /// <summary>Where conversation <paramref name="id"/> stands at <paramref name="nowSimMicros"/>, or null when unknown here.</summary>
    public LiveConversationView? View(long id, long nowSimMicros)
    {
        if (!_records.TryGetValue(id, out var r))
        {
            return null;
        }

        lock (r)
        {
            var ended = r.Outcome is not null;
            var status = ended ? "ended" : r.Queue is not null ? "queued" : "running";
            var simEnd = ended ? r.EndSimMicros : Math.Max(r.StartSimMicros, nowSimMicros);
            var wall = ended ? _time.GetElapsedTime(r.StartWall, r.EndWall) : _time.GetElapsedTime(r.StartWall);
            return new LiveConversationView(
                r.Id,
                status,
                r.Outcome?.Name(),
                r.Turns,
                r.Channel.Name(),
                (simEnd - r.StartSimMicros) / 1e6,
                wall.TotalSeconds,
                r.Queue,
                r.QueueWaitMicros / 1e6,
                r.Resumed ? true : null);
        }
    }

    /// <summary>Completes when conversation <paramref name="id"/> has ended (at once when it is unknown here).</summary>
    public Task WhenEnded(long id) => _records.TryGetValue(id, out var r) ? r.Done.Task : Task.CompletedTask;

    private sealed class Record(long id, long startSimMicros, long startWall, Channel channel)
    {
        public long Id { get; } = id;

        public long StartSimMicros { get; } = startSimMicros;

        public long StartWall { get; } = startWall;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Channel Channel { get; set; } = channel;

        public int Turns { get; set; }

        public string? Queue { get; set; }

        public Outcome? Outcome { get; set; }

        public long EndSimMicros { get; set; }

        public long EndWall { get; set; }

        public long? QueueWaitMicros { get; set; }

        public bool Resumed { get; init; }
    }
}
