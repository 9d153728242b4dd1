using AgentSim.Model.Configuration;

namespace AgentSim.Model.Queues;

/// <summary>
/// The exact simulation of one human queue (M/G/c+G when arrivals are Poisson): c servers, generally distributed
/// handle times and patience, FIFO by (arrival time, conversation id), optionally by tier first. It is advanced epoch
/// by epoch from the arrivals reported in each epoch; customers still waiting and servers still busy carry over.
/// </summary>
/// <remarks>
/// Every draw for a customer comes from its own stream (seed, conversation id, <see cref="Randomness.Purpose.HumanQueue"/>),
/// and simultaneous events have one fixed order (server completions, then arrivals by id), so the outcome of each
/// customer depends neither on how arrivals were split into lists or epochs nor on the order they were reported.
/// A customer is answered if a server frees at or before the instant its patience runs out. Each event costs
/// O(log n): busy servers are a heap of completion times, waiting customers one FIFO per priority class, and
/// patience deadlines a heap whose stale entries are skipped.
/// </remarks>
public sealed class HumanQueue
{
    private readonly int _servers;
    private readonly QueueCustomerDraws _draws;
    private readonly int[] _classOfTier;
    private readonly Queue<int>[] _classes;
    private readonly PriorityQueue<long, long> _busy = new();
    private readonly PriorityQueue<(int Slot, long Sequence), (long Deadline, long Id)> _deadlines = new();
    private readonly Stack<int> _freeSlots = new();
    private readonly long _startMicros;
    private QueueWaiter[] _slots = new QueueWaiter[16];
    private int _usedSlots;
    private QueueArrival[] _buffer = new QueueArrival[64];
    private long _sequence;
    private long _sumBusyEnds;
    private long _startedHandleMicros;
    private List<QueueAnswer> _answered = [];
    private List<QueueAbandonment> _abandoned = [];

    /// <summary>Creates an empty queue whose clock starts at <paramref name="startMicros"/>.</summary>
    /// <param name="config">Servers, handle time, patience, service level and tier priority.</param>
    /// <param name="seed">The run seed; each customer's stream is (seed, conversation id, HumanQueue).</param>
    /// <param name="tierNames">The tier names that <see cref="QueueArrival.TierIndex"/> indexes; needed only with tier priority.</param>
    /// <param name="startMicros">The instant the first epoch starts, in microseconds.</param>
    public HumanQueue(HumanQueueConfig config, ulong seed, IReadOnlyList<string>? tierNames = null, long startMicros = 0)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Servers is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(config), $"human queue '{config.Name}': servers must be at least 1 (or omitted for unlimited)");
        }

        if (config.HandleTime.Mean <= 0 || config.Patience is { } p && (p.MeanSeconds < 0 || p.ByChannel.Values.Any(m => m < 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(config), $"human queue '{config.Name}': handle time must be positive and patience not negative");
        }

        Name = config.Name;
        Servers = config.Servers;
        _servers = config.Servers ?? int.MaxValue;
        _draws = new QueueCustomerDraws(config, seed);
        (_classOfTier, var classCount) = PriorityClasses(config.TierPriority, tierNames ?? []);
        _classes = new Queue<int>[classCount];
        for (var i = 0; i < classCount; i++)
        {
            _classes[i] = new Queue<int>();
        }

        _startMicros = startMicros;
        NowMicros = startMicros;
        Stats = new QueueStats(config.Servers, (long)Math.Round(config.ServiceLevelSeconds * 1e6));
    }

    /// <summary>The queue's name.</summary>
    public string Name { get; }

    /// <summary>The number of servers, or null when unlimited.</summary>
    public int? Servers { get; }

    /// <summary>The end of the last epoch advanced, in microseconds: the queue's clock.</summary>
    public long NowMicros { get; private set; }

    /// <summary>Customers waiting at <see cref="NowMicros"/> (in flight: neither answered nor gone).</summary>
    public int Waiting { get; private set; }

    /// <summary>Servers busy at <see cref="NowMicros"/>.</summary>
    public int Busy => _busy.Count;

    /// <summary>The running tallies since the start.</summary>
    public QueueStats Stats { get; }

    /// <summary>Simulates the queue up to <paramref name="epochEndMicros"/> (exclusive) and returns what was decided in that time.</summary>
    /// <param name="arrivals">The epoch's arrivals in any order, each in [<see cref="NowMicros"/>, <paramref name="epochEndMicros"/>).</param>
    /// <param name="epochEndMicros">The end of the epoch, in microseconds.</param>
    public QueueEpochResult Advance(IReadOnlyList<QueueArrival> arrivals, long epochEndMicros)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochEndMicros, NowMicros);
        var count = SortedCopy(arrivals, epochEndMicros);
        _answered = [];
        _abandoned = [];
        for (var i = 0; i < count; i++)
        {
            ref readonly var arrival = ref _buffer[i];
            Release(arrival.ArrivalMicros, inclusive: true);
            Offer(arrival);
        }

        Release(epochEndMicros, inclusive: false);
        Expire(epochEndMicros);
        NowMicros = epochEndMicros;
        var busyMicros = _startedHandleMicros - (_sumBusyEnds - (_busy.Count * epochEndMicros));
        Stats.SetTime(epochEndMicros - _startMicros, busyMicros);
        _answered.Sort(static (a, b) => a.AnsweredAtMicros != b.AnsweredAtMicros
            ? a.AnsweredAtMicros.CompareTo(b.AnsweredAtMicros)
            : a.ConversationId.CompareTo(b.ConversationId));
        _abandoned.Sort(static (a, b) => a.LeftAtMicros != b.LeftAtMicros
            ? a.LeftAtMicros.CompareTo(b.LeftAtMicros)
            : a.ConversationId.CompareTo(b.ConversationId));
        return new QueueEpochResult(_answered, _abandoned);
    }

    private static (int[] ClassOfTier, int Count) PriorityClasses(List<string> priority, IReadOnlyList<string> tierNames)
    {
        if (priority.Count == 0)
        {
            return (new int[tierNames.Count], 1);
        }

        var classOfTier = new int[tierNames.Count];
        for (var t = 0; t < tierNames.Count; t++)
        {
            var rank = priority.IndexOf(tierNames[t]);
            classOfTier[t] = rank >= 0 ? rank : priority.Count;
        }

        return (classOfTier, priority.Count + 1);
    }

    private int SortedCopy(IReadOnlyList<QueueArrival> arrivals, long epochEndMicros)
    {
        var count = arrivals.Count;
        if (_buffer.Length < count)
        {
            _buffer = new QueueArrival[Math.Max(count, _buffer.Length * 2)];
        }

        for (var i = 0; i < count; i++)
        {
            var arrival = arrivals[i];
            if (arrival.ArrivalMicros < NowMicros || arrival.ArrivalMicros >= epochEndMicros)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(arrivals),
                    $"human queue '{Name}': conversation {arrival.ConversationId} arrives at {arrival.ArrivalMicros} µs, outside the epoch [{NowMicros}, {epochEndMicros})");
            }

            _buffer[i] = arrival;
        }

        Array.Sort(_buffer, 0, count, QueueArrivalOrder.Instance);
        return count;
    }

    private void Offer(in QueueArrival arrival)
    {
        Stats.RecordOffered();
        var (handle, patience) = _draws.Draw(arrival.ConversationId, arrival.Channel);
        if (_busy.Count < _servers)
        {
            Start(arrival.ConversationId, arrival.Channel, arrival.ArrivalMicros, arrival.ArrivalMicros, handle, fromQueue: false);
            return;
        }

        var slot = AllocateSlot();
        var deadline = patience >= long.MaxValue - arrival.ArrivalMicros ? long.MaxValue : arrival.ArrivalMicros + patience;
        _slots[slot] = new QueueWaiter
        {
            ConversationId = arrival.ConversationId,
            Channel = arrival.Channel,
            ArrivalMicros = arrival.ArrivalMicros,
            DeadlineMicros = deadline,
            HandleMicros = handle,
            Sequence = ++_sequence,
        };
        var tier = arrival.TierIndex;
        _classes[tier >= 0 && tier < _classOfTier.Length ? _classOfTier[tier] : _classes.Length - 1].Enqueue(slot);
        Waiting++;
        if (deadline != long.MaxValue)
        {
            _deadlines.Enqueue((slot, _sequence), (deadline, arrival.ConversationId));
        }
    }

    private void Start(long conversationId, Channels.Channel channel, long arrivalMicros, long atMicros, long handleMicros, bool fromQueue)
    {
        var end = atMicros + handleMicros;
        _busy.Enqueue(end, end);
        _sumBusyEnds += end;
        _startedHandleMicros += handleMicros;
        var wait = atMicros - arrivalMicros;
        _answered.Add(new QueueAnswer(conversationId, atMicros, wait, handleMicros, channel));
        Stats.RecordAnswered(wait, handleMicros, fromQueue);
    }

    /// <summary>Frees the servers whose work ends before <paramref name="micros"/> (or at it, when inclusive), each taking the next waiting customer.</summary>
    private void Release(long micros, bool inclusive)
    {
        while (_busy.TryPeek(out var end, out _) && (end < micros || (inclusive && end == micros)))
        {
            _busy.Dequeue();
            _sumBusyEnds -= end;
            if (TryTakeWaiter(end, out var slot))
            {
                var waiter = _slots[slot];
                FreeSlot(slot);
                Waiting--;
                Start(waiter.ConversationId, waiter.Channel, waiter.ArrivalMicros, end, waiter.HandleMicros, fromQueue: true);
            }
        }
    }

    /// <summary>Takes the first waiting customer (highest class, then FIFO) still there at <paramref name="micros"/>.</summary>
    private bool TryTakeWaiter(long micros, out int slot)
    {
        foreach (var queue in _classes)
        {
            while (queue.TryPeek(out slot))
            {
                ref var waiter = ref _slots[slot];
                if (waiter.Abandoned)
                {
                    queue.Dequeue();
                    FreeSlot(slot);
                }
                else if (waiter.DeadlineMicros < micros)
                {
                    queue.Dequeue();
                    ReportAbandoned(ref waiter);
                    FreeSlot(slot);
                }
                else
                {
                    queue.Dequeue();
                    return true;
                }
            }
        }

        slot = -1;
        return false;
    }

    /// <summary>Reports the customers still waiting whose patience ran out before <paramref name="micros"/>.</summary>
    private void Expire(long micros)
    {
        while (_deadlines.TryPeek(out var entry, out var key) && key.Deadline < micros)
        {
            _deadlines.Dequeue();
            ref var waiter = ref _slots[entry.Slot];
            if (waiter.Sequence == entry.Sequence && !waiter.Abandoned)
            {
                ReportAbandoned(ref waiter);
            }
        }
    }

    private void ReportAbandoned(ref QueueWaiter waiter)
    {
        waiter.Abandoned = true;
        Waiting--;
        var wait = waiter.DeadlineMicros - waiter.ArrivalMicros;
        _abandoned.Add(new QueueAbandonment(waiter.ConversationId, waiter.DeadlineMicros, wait, waiter.Channel));
        Stats.RecordAbandoned(wait);
    }

    private int AllocateSlot()
    {
        if (_freeSlots.TryPop(out var slot))
        {
            return slot;
        }

        if (_usedSlots == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        return _usedSlots++;
    }

    private void FreeSlot(int slot)
    {
        _slots[slot].Sequence = 0;
        _freeSlots.Push(slot);
    }
}
