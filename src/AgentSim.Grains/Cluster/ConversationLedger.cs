using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using AgentSim.Grains.Live;
using AgentSim.Model;
using AgentSim.Model.Events;
using StackExchange.Redis;

namespace AgentSim.Grains.Cluster;

/// <summary>
/// The cluster's account of its real-time conversations, by conversation id: who started it and which silo owns it now,
/// its last checkpoint, and its outcome, recorded once — the first write wins, atomically (a Lua script each), and a
/// write from a silo that no longer owns the conversation is ignored, so a retried call, a frozen silo that wakes after
/// its conversations were taken over, or a second end of the same id never counts twice. Totals (started, by outcome,
/// in flight) are kept in the same scripts, so started = sum of outcomes + in flight always holds.
/// With a shared store (Redis) it is the cluster's; without one it is this silo's counters alone (a silo alone has no
/// survivor to hand anything to, and <see cref="LiveConversations"/> already ends each id once).
/// Keys: <c>live:c:{id}</c> (a hash per conversation, expiring an hour after its end), <c>live:open:{silo}</c> (ids a
/// silo owns and has not ended), <c>live:totals</c>, <c>live:takeovers</c>, <c>live:takeover-log</c>,
/// <c>live:claim:{silo}</c> (who is taking a lost silo's conversations), <c>live:gone:{silo}</c> (a lost silo fenced:
/// its late starts are refused), <c>live:silo-seq</c> (silo numbers for ids).
/// </summary>
public sealed class ConversationLedger
{
    /// <summary>Bits of a conversation id below the silo number: each silo hands out 2^40 ids of its own.</summary>
    public const int SiloIdBits = 40;

    /// <summary>How long an ended conversation's entry stays readable.</summary>
    public static readonly TimeSpan EndedRetention = TimeSpan.FromHours(1);

    /// <summary>How long a lost silo stays fenced (refused new starts) after its takeover: far longer than any silo stays frozen.</summary>
    public static readonly TimeSpan GoneRetention = TimeSpan.FromDays(1);

    /// <summary>Takeovers kept in the log.</summary>
    public const int LogLength = 50;

    // Returns 1 started, 0 already started, -1 refused: the silo was declared dead and its conversations taken over.
    private const string StartScript = """
        if redis.call('EXISTS', KEYS[4]) == 1 then return -1 end
        if redis.call('HSETNX', KEYS[1], 'owner', ARGV[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], 'started_by', ARGV[1])
        redis.call('SADD', KEYS[2], ARGV[2])
        redis.call('HINCRBY', KEYS[3], 'started', 1)
        return 1
        """;

    private const string CheckpointScript = """
        local owner = redis.call('HGET', KEYS[1], 'owner')
        if not owner then return 3 end
        if redis.call('HEXISTS', KEYS[1], 'outcome') == 1 then return 1 end
        if owner ~= ARGV[1] then return 2 end
        redis.call('HSET', KEYS[1], 'state', ARGV[2], 'turns', ARGV[3], 'channel', ARGV[4])
        if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'queue', ARGV[5]) end
        return 0
        """;

    // Returns 0 recorded, 1 duplicate, 2 stale, 3 unknown (the codes of LedgerWrite).
    private const string EndScript = """
        local owner = redis.call('HGET', KEYS[1], 'owner')
        if not owner then return 3 end
        if redis.call('HEXISTS', KEYS[1], 'outcome') == 1 then
          redis.call('HINCRBY', KEYS[2], 'duplicate', 1)
          return 1
        end
        if owner ~= ARGV[1] then
          redis.call('HINCRBY', KEYS[2], 'stale', 1)
          return 2
        end
        redis.call('HSET', KEYS[1], 'outcome', ARGV[2])
        redis.call('HDEL', KEYS[1], 'state')
        redis.call('EXPIRE', KEYS[1], ARGV[4])
        redis.call('SREM', KEYS[3], ARGV[3])
        redis.call('HINCRBY', KEYS[2], 'outcome:' .. ARGV[2], 1)
        return 0
        """;

    // Moves a conversation from a lost silo to the claimer; returns {state, queue} or nil when it has ended or moved.
    private const string ClaimScript = """
        local owner = redis.call('HGET', KEYS[1], 'owner')
        redis.call('SREM', KEYS[2], ARGV[3])
        if owner ~= ARGV[1] or redis.call('HEXISTS', KEYS[1], 'outcome') == 1 then return nil end
        redis.call('HSET', KEYS[1], 'owner', ARGV[2], 'resumed', '1')
        redis.call('SADD', KEYS[3], ARGV[3])
        local state = redis.call('HGET', KEYS[1], 'state') or ''
        local queue = redis.call('HGET', KEYS[1], 'queue') or ''
        return {state, queue}
        """;

    private const string TakeoverScript = """
        redis.call('HINCRBY', KEYS[1], 'count', 1)
        redis.call('HINCRBY', KEYS[1], 'resumed', ARGV[1])
        redis.call('HINCRBY', KEYS[1], 'failed', ARGV[2])
        redis.call('LPUSH', KEYS[2], ARGV[3])
        redis.call('LTRIM', KEYS[2], 0, ARGV[4])
        return 1
        """;

    private static readonly JsonSerializerOptions LogJson = new(JsonSerializerDefaults.Web);

    private readonly ClusterStore _store;
    private readonly ILiveMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly long[] _outcomes = new long[Wire<Outcome>.Values.Count];
    private readonly ConcurrentDictionary<Task, byte> _pending = new();
    private readonly object _localLock = new();
    private readonly List<TakeoverRecord> _localLog = [];
    private long _started;
    private long _duplicates;
    private long _stale;
    private (long Count, long Resumed, long Failed) _localTakeovers;

    /// <summary>The ledger of <paramref name="store"/>'s cluster as silo <paramref name="silo"/> writes it; takes the silo's number (and so its ids) from the store.</summary>
    public ConversationLedger(ClusterStore store, string silo, ILiveMetrics metrics, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        ArgumentException.ThrowIfNullOrWhiteSpace(silo);
        Silo = silo;
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = time ?? throw new ArgumentNullException(nameof(time));

        // Silo numbers from 1 with a shared store (ids 2^40 and up, unique across the cluster and its restarts); 0 alone,
        // so a single silo's ids are 1, 2, 3, ... as before.
        IdBase = store.Shared ? store.Database.StringIncrement(store.Key("live", "silo-seq")) << SiloIdBits : 0;
    }

    /// <summary>True when the ledger is the cluster's (Redis); false for a silo alone.</summary>
    public bool Shared => _store.Shared;

    /// <summary>This silo's name in the ledger (its address).</summary>
    public string Silo { get; }

    /// <summary>This silo's first conversation id less one: ids are <c>IdBase + 1, IdBase + 2, ...</c>.</summary>
    public long IdBase { get; }

    /// <summary>Outcome writes under way in the background (<see cref="EndInBackground"/>).</summary>
    public int Pending => _pending.Count;

    /// <summary>Records that this silo started conversation <paramref name="id"/>; throws when the store cannot be reached (the conversation must then not start).</summary>
    public async Task StartedAsync(long id)
    {
        if (!Shared)
        {
            Interlocked.Increment(ref _started);
            return;
        }

        if ((int)await _store.Database.ScriptEvaluateAsync(StartScript, [Conversation(id), Open(Silo), Totals, Gone(Silo)], [Silo, id]) < 0)
        {
            throw new InvalidOperationException("This silo was declared dead and its conversations were taken over by another; it starts no more.");
        }
    }

    /// <summary>Writes conversation <paramref name="id"/>'s checkpoint, if this silo still owns it and it has not ended (a no-op for a silo alone).</summary>
    public async Task<LedgerWrite> CheckpointAsync(long id, byte[] state, int turns, string channel, string? queue)
    {
        if (!Shared)
        {
            return LedgerWrite.Recorded;
        }

        var code = (int)await _store.Database.ScriptEvaluateAsync(CheckpointScript, [Conversation(id)], [Silo, state, turns, channel, queue ?? ""]);
        return (LedgerWrite)code;
    }

    /// <summary>Records conversation <paramref name="id"/>'s outcome, once, if this silo owns it; ignored writes are counted (<c>agentsim_ledger_writes_ignored_total</c>).</summary>
    public async Task<LedgerWrite> EndedAsync(long id, Outcome outcome)
    {
        LedgerWrite result;
        if (!Shared)
        {
            Interlocked.Increment(ref _outcomes[Wire<Outcome>.Index(outcome)]);
            result = LedgerWrite.Recorded;
        }
        else
        {
            var code = (int)await _store.Database.ScriptEvaluateAsync(EndScript, [Conversation(id), Totals, Open(Silo)],
                [Silo, outcome.Name(), id, (long)EndedRetention.TotalSeconds]);
            result = (LedgerWrite)code;
        }

        if (result is LedgerWrite.Duplicate or LedgerWrite.Stale)
        {
            _metrics.LedgerIgnored(result == LedgerWrite.Duplicate ? LedgerIgnoredReason.Duplicate : LedgerIgnoredReason.Stale);
            if (!Shared)
            {
                Interlocked.Increment(ref result == LedgerWrite.Duplicate ? ref _duplicates : ref _stale);
            }
        }

        return result;
    }

    /// <summary>
    /// Records an outcome without waiting (from the clock's tick, which cannot): retried with backoff while the store
    /// cannot be reached, so an outcome is not lost to a blip; <see cref="FlushAsync"/> waits for every such write.
    /// </summary>
    public void EndInBackground(long id, Outcome outcome)
    {
        var task = EndWithRetryAsync(id, outcome);
        if (!task.IsCompleted)
        {
            _pending.TryAdd(task, 0);
            _ = task.ContinueWith(t => _pending.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for the outcome writes under way.</summary>
    public async Task FlushAsync(TimeSpan timeout)
    {
        var all = Task.WhenAll(_pending.Keys);
        await Task.WhenAny(all, Task.Delay(timeout, _time));
    }

    /// <summary>The cluster's totals (this silo's alone without a shared store).</summary>
    public async Task<LedgerTotals> TotalsAsync()
    {
        if (!Shared)
        {
            lock (_localLock)
            {
                var outcomes = Wire<Outcome>.Values.ToDictionary(o => o.Name(), o => Interlocked.Read(ref _outcomes[Wire<Outcome>.Index(o)]));
                var started = Interlocked.Read(ref _started);
                return new LedgerTotals(false, started, outcomes, started - outcomes.Values.Sum(), Interlocked.Read(ref _duplicates), Interlocked.Read(ref _stale),
                    new TakeoverTotals(_localTakeovers.Count, _localTakeovers.Resumed, _localTakeovers.Failed), [.. _localLog]);
            }
        }

        var db = _store.Database;
        var totalsTask = db.HashGetAllAsync(Totals);
        var takeoversTask = db.HashGetAllAsync(Takeovers);
        var logTask = db.ListRangeAsync(TakeoverLog, 0, LogLength - 1);
        var totals = (await totalsTask).ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
        var takeovers = (await takeoversTask).ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
        var log = (await logTask).Select(v => JsonSerializer.Deserialize<TakeoverRecord>(v.ToString(), LogJson)!).ToList();
        var byOutcome = Wire<Outcome>.Values.ToDictionary(o => o.Name(), o => totals.GetValueOrDefault("outcome:" + o.Name()));
        var startedAll = totals.GetValueOrDefault("started");
        return new LedgerTotals(true, startedAll, byOutcome, startedAll - byOutcome.Values.Sum(), totals.GetValueOrDefault("duplicate"), totals.GetValueOrDefault("stale"),
            new TakeoverTotals(takeovers.GetValueOrDefault("count"), takeovers.GetValueOrDefault("resumed"), takeovers.GetValueOrDefault("failed")), log);
    }

    /// <summary>Conversation <paramref name="id"/> as the cluster's ledger knows it; null when it does not (or without a shared store).</summary>
    public async Task<LedgerEntry?> FindAsync(long id)
    {
        if (!Shared)
        {
            return null;
        }

        var fields = (await _store.Database.HashGetAllAsync(Conversation(id))).ToDictionary(e => e.Name.ToString(), e => e.Value);
        if (!fields.TryGetValue("owner", out var owner))
        {
            return null;
        }

        return new LedgerEntry(
            id,
            owner.ToString(),
            fields.TryGetValue("outcome", out var outcome) ? outcome.ToString() : null,
            fields.TryGetValue("turns", out var turns) ? (int)turns : 0,
            fields.TryGetValue("channel", out var channel) ? channel.ToString() : null,
            fields.TryGetValue("queue", out var queue) ? queue.ToString() : null,
            fields.ContainsKey("resumed"));
    }

    /// <summary>Ids silo <paramref name="silo"/> owns and has not ended (none without a shared store).</summary>
    public async Task<long[]> OpenAsync(string silo)
    {
        if (!Shared)
        {
            return [];
        }

        return [.. (await _store.Database.SetMembersAsync(Open(silo))).Select(v => (long)v)];
    }

    /// <summary>
    /// Takes the right to take over lost silo <paramref name="silo"/>'s conversations for <paramref name="lease"/> (one
    /// survivor at a time; a claimer lost mid-way lets another finish once the lease ends). False when another holds it.
    /// </summary>
    public async Task<bool> TryLeaseTakeoverAsync(string silo, TimeSpan lease)
    {
        if (!Shared)
        {
            return true;
        }

        if (!await _store.Database.StringSetAsync(_store.Key("live", "claim", silo), Silo, lease, When.NotExists))
        {
            return false;
        }

        // Fenced before its open conversations are read: a start the lost silo still makes (a frozen one that wakes)
        // is refused, so nothing joins its open set after the takeover has read it.
        await _store.Database.StringSetAsync(Gone(silo), Silo, GoneRetention);
        return true;
    }

    /// <summary>Gives the takeover lease of <paramref name="silo"/> back.</summary>
    public async Task ReleaseTakeoverAsync(string silo)
    {
        if (Shared)
        {
            await _store.Database.KeyDeleteAsync(_store.Key("live", "claim", silo));
        }
    }

    /// <summary>
    /// Moves conversation <paramref name="id"/> from lost silo <paramref name="silo"/> to this one, if it is still that
    /// silo's and has not ended; its last checkpoint comes back (null: nothing to take).
    /// </summary>
    public async Task<ClaimedConversation?> ClaimAsync(long id, string silo)
    {
        if (!Shared)
        {
            return null;
        }

        var result = await _store.Database.ScriptEvaluateAsync(ClaimScript, [Conversation(id), Open(silo), Open(Silo)], [silo, Silo, id]);
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        var queue = parts[1].ToString();
        return new ClaimedConversation(id, (byte[]?)parts[0] ?? [], string.IsNullOrEmpty(queue) ? null : queue);
    }

    /// <summary>Adds a finished takeover to the totals and the log.</summary>
    public async Task RecordTakeoverAsync(TakeoverRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!Shared)
        {
            lock (_localLock)
            {
                _localTakeovers = (_localTakeovers.Count + 1, _localTakeovers.Resumed + record.Resumed, _localTakeovers.Failed + record.Failed);
                _localLog.Insert(0, record);
                if (_localLog.Count > LogLength)
                {
                    _localLog.RemoveAt(_localLog.Count - 1);
                }
            }

            return;
        }

        await _store.Database.ScriptEvaluateAsync(TakeoverScript, [Takeovers, TakeoverLog],
            [record.Resumed, record.Failed, JsonSerializer.Serialize(record, LogJson), LogLength - 1]);
    }

    private async Task EndWithRetryAsync(long id, Outcome outcome)
    {
        var wait = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EndedAsync(id, outcome);
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException && attempt < 10)
            {
                await Task.Delay(wait, _time);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // Given up after about 10 s of an unreachable store: the conversation stays in flight in the ledger, visibly.
                _metrics.LedgerIgnored(LedgerIgnoredReason.Unreachable);
                return;
            }
        }
    }

    private RedisKey Conversation(long id) => _store.Key("live", "c", id.ToString(CultureInfo.InvariantCulture));

    private RedisKey Open(string silo) => _store.Key("live", "open", silo);

    private RedisKey Gone(string silo) => _store.Key("live", "gone", silo);

    private RedisKey Totals => _store.Key("live", "totals");

    private RedisKey Takeovers => _store.Key("live", "takeovers");

    private RedisKey TakeoverLog => _store.Key("live", "takeover-log");
}
