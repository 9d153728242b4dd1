using AgentSim.Model.Tallies;

namespace AgentSim.Model.Queues;

/// <summary>
/// Integer tallies of one human queue and the standard contact-centre outputs computed from them (offered load,
/// answered, abandoned, P(wait), average speed of answer, wait percentile, service level, occupancy).
/// </summary>
public sealed class QueueStats
{
    private readonly long[] _waitHistogram = new long[LatencyHistogram.Buckets];

    // The counters WriteTo writes before the wait histogram (LabelSpace.QueueSlot reserves them).
    private const int Counters = 10;

    /// <summary>Creates empty tallies for a queue with the given servers (null = unlimited) and service-level threshold.</summary>
    public QueueStats(int? servers, long serviceLevelMicros)
    {
        Servers = servers;
        ServiceLevelMicros = serviceLevelMicros;
    }

    /// <summary>Rebuilds tallies written by <see cref="WriteTo"/> (results are built from the run's integer tally).</summary>
    public static QueueStats ReadFrom(ReadOnlySpan<long> values, int? servers, long serviceLevelMicros)
    {
        var stats = new QueueStats(servers, serviceLevelMicros)
        {
            Offered = values[0],
            Answered = values[1],
            AnsweredAfterWaiting = values[2],
            Abandoned = values[3],
            AnsweredWithinServiceLevel = values[4],
            AnsweredWaitMicros = values[5],
            AbandonedWaitMicros = values[6],
            HandleMicros = values[7],
            BusyServerMicros = values[8],
            ElapsedMicros = values[9],
        };
        values[Counters..LabelSpace.QueueSlot].CopyTo(stats._waitHistogram);
        return stats;
    }

    /// <summary>Writes the tallies as <see cref="LabelSpace.QueueSlot"/> integers: ten counters, then the wait histogram.</summary>
    public void WriteTo(Span<long> values)
    {
        values[0] = Offered;
        values[1] = Answered;
        values[2] = AnsweredAfterWaiting;
        values[3] = Abandoned;
        values[4] = AnsweredWithinServiceLevel;
        values[5] = AnsweredWaitMicros;
        values[6] = AbandonedWaitMicros;
        values[7] = HandleMicros;
        values[8] = BusyServerMicros;
        values[9] = ElapsedMicros;
        _waitHistogram.CopyTo(values[Counters..LabelSpace.QueueSlot]);
    }

    /// <summary>The number of servers, or null when unlimited.</summary>
    public int? Servers { get; }

    /// <summary>The service-level threshold T, in microseconds.</summary>
    public long ServiceLevelMicros { get; }

    /// <summary>Customers who joined the queue.</summary>
    public long Offered { get; private set; }

    /// <summary>Customers a human answered (including those still being handled).</summary>
    public long Answered { get; private set; }

    /// <summary>Customers answered only after finding every server busy.</summary>
    public long AnsweredAfterWaiting { get; private set; }

    /// <summary>Customers who left the queue before being answered.</summary>
    public long Abandoned { get; private set; }

    /// <summary>Customers answered within the service-level threshold (wait ≤ T).</summary>
    public long AnsweredWithinServiceLevel { get; private set; }

    /// <summary>Sum of the waits of answered customers, in microseconds.</summary>
    public long AnsweredWaitMicros { get; private set; }

    /// <summary>Sum of the waits of abandoned customers, in microseconds.</summary>
    public long AbandonedWaitMicros { get; private set; }

    /// <summary>Sum of the handle times of answered customers, in microseconds.</summary>
    public long HandleMicros { get; private set; }

    /// <summary>Server time spent handling customers from the start to <see cref="ElapsedMicros"/>, in server-microseconds.</summary>
    public long BusyServerMicros { get; private set; }

    /// <summary>Time simulated since the queue's start, in microseconds.</summary>
    public long ElapsedMicros { get; private set; }

    /// <summary>Waits of answered customers, bucketed log-linearly (32 sub-buckets per power of two, as results.json latencies).</summary>
    public ReadOnlySpan<long> WaitCounts => _waitHistogram;

    /// <summary>Offered customers per second of elapsed time.</summary>
    public double OfferedPerSecond => ElapsedMicros > 0 ? Offered / (ElapsedMicros / 1e6) : 0;

    /// <summary>Mean handle time of answered customers, in seconds.</summary>
    public double MeanHandleSeconds => Answered > 0 ? HandleMicros / 1e6 / Answered : 0;

    /// <summary>P(wait &gt; 0): the share of decided customers (answered + abandoned) who found every server busy.</summary>
    public double WaitProbability => Decided > 0 ? (double)(AnsweredAfterWaiting + Abandoned) / Decided : 0;

    /// <summary>The share of decided customers (answered + abandoned) who left the queue.</summary>
    public double AbandonedShare => Decided > 0 ? (double)Abandoned / Decided : 0;

    /// <summary>Mean wait of answered customers (average speed of answer), in seconds.</summary>
    public double MeanWaitSeconds => Answered > 0 ? AnsweredWaitMicros / 1e6 / Answered : 0;

    /// <summary>The 90th percentile of the waits of answered customers, in seconds (about 3% precision).</summary>
    public double WaitP90Seconds => LatencyHistogram.Quantile(_waitHistogram, 0.9) / 1e6;

    /// <summary>
    /// Service level, the common ACD definition: customers answered within T over customers answered or abandoned
    /// (abandons count against it, however early they left); 1 when nobody was decided yet.
    /// </summary>
    public double ServiceLevel => Decided > 0 ? (double)AnsweredWithinServiceLevel / Decided : 1;

    /// <summary>Occupancy: busy server time over (servers × elapsed time); 0 with unlimited servers.</summary>
    public double Occupancy => Servers is { } c && ElapsedMicros > 0 ? BusyServerMicros / ((double)c * ElapsedMicros) : 0;

    /// <summary>Mean number of busy servers (offered load actually carried, in Erlangs).</summary>
    public double MeanBusyServers => ElapsedMicros > 0 ? (double)BusyServerMicros / ElapsedMicros : 0;

    private long Decided => Answered + Abandoned;

    /// <summary>The figures results.json reports under <c>queues.&lt;name&gt;</c>.</summary>
    public QueueResults ToResults() => new()
    {
        Servers = Servers,
        Offered = Offered,
        OfferedPerSecond = OfferedPerSecond,
        MeanHandleSeconds = MeanHandleSeconds,
        Answered = Answered,
        Abandoned = Abandoned,
        WaitProbability = WaitProbability,
        MeanWaitSeconds = MeanWaitSeconds,
        WaitP90Seconds = WaitP90Seconds,
        ServiceLevel = ServiceLevel,
        Occupancy = Occupancy,
    };

    /// <summary>Counts a customer joining the queue.</summary>
    internal void RecordOffered() => Offered++;

    /// <summary>Counts a customer answered after <paramref name="waitMicros"/>, handled for <paramref name="handleMicros"/>.</summary>
    internal void RecordAnswered(long waitMicros, long handleMicros, bool afterWaiting)
    {
        Answered++;
        AnsweredAfterWaiting += afterWaiting ? 1 : 0;
        AnsweredWithinServiceLevel += waitMicros <= ServiceLevelMicros ? 1 : 0;
        AnsweredWaitMicros += waitMicros;
        HandleMicros += handleMicros;
        _waitHistogram[LatencyHistogram.BucketOf(waitMicros)]++;
    }

    /// <summary>Counts a customer who left after <paramref name="waitMicros"/>.</summary>
    internal void RecordAbandoned(long waitMicros)
    {
        Abandoned++;
        AbandonedWaitMicros += waitMicros;
    }

    /// <summary>Sets the elapsed time and the busy server time up to it.</summary>
    internal void SetTime(long elapsedMicros, long busyServerMicros)
    {
        ElapsedMicros = elapsedMicros;
        BusyServerMicros = busyServerMicros;
    }
}
