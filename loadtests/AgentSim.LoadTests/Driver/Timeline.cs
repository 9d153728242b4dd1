using AgentSim.LoadTests.Thresholds;
using HdrHistogram;

namespace AgentSim.LoadTests.Driver;

/// <summary>
/// Per-second counts and latency histograms of one run, safe to record into from many threads. Latencies are recorded
/// in microseconds into HdrHistogram recorders whose intervals are closed at each second's end.
/// </summary>
internal sealed class Timeline
{
    private const long MaxMicroseconds = 3_600_000_000;
    private readonly long[] _scheduled;
    private readonly long[] _sent;
    private readonly long[] _ok;
    private readonly long[] _errors;
    private readonly long[] _dropped;
    private readonly long[] _inFlight;
    private readonly double[][] _latencies;
    private readonly Recorder _response = NewRecorder();
    private readonly Recorder _service = NewRecorder();
    private readonly LongHistogram _responseTotal = new(MaxMicroseconds, 3);
    private readonly LongHistogram _serviceTotal = new(MaxMicroseconds, 3);
    private readonly LongConcurrentHistogram _lag = new(1, MaxMicroseconds, 3);
    private readonly Lock _close = new();

    public Timeline(int seconds)
    {
        _scheduled = new long[seconds];
        _sent = new long[seconds];
        _ok = new long[seconds];
        _errors = new long[seconds];
        _dropped = new long[seconds];
        _inFlight = new long[seconds];
        _latencies = new double[seconds][];
    }

    public void Scheduled(int second) => Interlocked.Increment(ref _scheduled[Clamp(second)]);

    public void Dropped(int second) => Interlocked.Increment(ref _dropped[Clamp(second)]);

    public void Sent(int second, double lagSeconds)
    {
        Interlocked.Increment(ref _sent[Clamp(second)]);
        _lag.RecordValue(Micros(lagSeconds));
    }

    public void Completed(int second, bool ok, double responseSeconds, double serviceSeconds)
    {
        Interlocked.Increment(ref (ok ? _ok : _errors)[Clamp(second)]);
        _response.RecordValue(Micros(responseSeconds));
        _service.RecordValue(Micros(serviceSeconds));
    }

    public TimelineRow CloseSecond(int second, long inFlight)
    {
        lock (_close)
        {
            var response = _response.GetIntervalHistogram();
            var service = _service.GetIntervalHistogram();
            _responseTotal.Add(response);
            _serviceTotal.Add(service);
            _inFlight[second] = inFlight;
            _latencies[second] = [LatencySummary.Ms(response, 50), LatencySummary.Ms(response, 99), LatencySummary.Ms(service, 99)];
            return Row(second);
        }
    }

    public void CloseLatencies()
    {
        lock (_close)
        {
            _responseTotal.Add(_response.GetIntervalHistogram());
            _serviceTotal.Add(_service.GetIntervalHistogram());
        }
    }

    // The measurements of the first `rows` seconds (all latencies recorded into closed intervals), over `seconds` of measured time.
    public Measurements Measure(int rows, double seconds, double rate)
    {
        long Sum(long[] a) => Enumerable.Range(0, Math.Min(rows, a.Length)).Sum(i => Interlocked.Read(ref a[i]));
        return new Measurements(q => Percentile(_responseTotal, q), q => Percentile(_serviceTotal, q),
            Sum(_scheduled), Sum(_sent), Sum(_ok), Sum(_errors), Sum(_dropped), seconds, rate);
    }

    // `rows` timeline rows (fewer than the run's seconds when it stopped early).
    public LoadResult Result(DriverSettings settings, string target, long unfinished, long maxInFlight, IReadOnlyDictionary<string, long> outcomes, int rows = int.MaxValue)
    {
        var timeline = Enumerable.Range(0, Math.Clamp(rows, 1, _scheduled.Length)).Select(Row).ToArray();
        return new LoadResult(
            settings, target, _scheduled.Sum(), _sent.Sum(), _ok.Sum(), _errors.Sum(), _dropped.Sum(), unfinished, maxInFlight, outcomes,
            LatencySummary.From(_responseTotal), LatencySummary.From(_serviceTotal), LatencySummary.From(_lag), timeline,
            [.. PercentilePoint.Reported.Select(q => new PercentilePoint(q, LatencySummary.Ms(_responseTotal, q), LatencySummary.Ms(_serviceTotal, q)))]);
    }

    private TimelineRow Row(int s)
    {
        var l = _latencies[s] ?? [0, 0, 0];
        return new TimelineRow(s, Interlocked.Read(ref _scheduled[s]), Interlocked.Read(ref _sent[s]), Interlocked.Read(ref _ok[s]),
            Interlocked.Read(ref _errors[s]), Interlocked.Read(ref _dropped[s]), _inFlight[s], l[0], l[1], l[2]);
    }

    private double Percentile(HistogramBase h, double q)
    {
        lock (_close)
        {
            return LatencySummary.Ms(h, q);
        }
    }

    // Rows up to the last with anything in it, and at least `closed`.
    public int RowsInUse(int closed)
    {
        var last = closed;
        for (var s = 0; s < _scheduled.Length; s++)
        {
            if (Interlocked.Read(ref _scheduled[s]) + Interlocked.Read(ref _sent[s]) + Interlocked.Read(ref _ok[s]) + Interlocked.Read(ref _errors[s]) > 0)
            {
                last = Math.Max(last, s + 1);
            }
        }

        return last;
    }

    // Arrivals scheduled in the last second but sent or answered after it count in the last row.
    private int Clamp(int second) => Math.Clamp(second, 0, _scheduled.Length - 1);

    private static long Micros(double seconds) => Math.Clamp((long)Math.Round(seconds * 1e6), 1, MaxMicroseconds);

    private static Recorder NewRecorder() => HistogramFactory.With64BitBucketSize()
        .WithValuesFrom(1).WithValuesUpTo(MaxMicroseconds).WithPrecisionOf(3)
        .WithThreadSafeWrites().WithThreadSafeReads().Create();
}
