using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentSim.Grains.Live;

namespace AgentSim.Host.Telemetry;

/// <summary>
/// The real-time clock's own measurements: arrivals shed (by reason), how late steps run beyond their scaled simulated
/// time (<c>agentsim_realtime_overhead_seconds</c>), how far the arrival generator is behind
/// (<c>agentsim_realtime_lag_seconds</c>), the admission limit (<c>agentsim_admission_limit</c>), the faults in force
/// (<c>agentsim_faults_active{kind,scope}</c>), lost silos' conversations taken over
/// (<c>agentsim_conversations_recovered_total{result}</c>), outcome writes the ledger ignored
/// (<c>agentsim_ledger_writes_ignored_total{reason}</c>) and the cost of a checkpoint
/// (<c>agentsim_conversation_checkpoint_seconds</c>).
/// </summary>
public sealed class LiveMetrics : ILiveMetrics
{
    /// <summary>Arrivals not started (<c>agentsim_arrivals_shed_total</c>).</summary>
    public const string ShedName = "agentsim.arrivals.shed";

    /// <summary>Wall time a step ran after its scaled simulated time (<c>agentsim_realtime_overhead_seconds</c>).</summary>
    public const string OverheadName = "agentsim.realtime.overhead";

    /// <summary>How far the arrival generator is behind its schedule (<c>agentsim_realtime_lag_seconds</c>).</summary>
    public const string LagName = "agentsim.realtime.lag";

    /// <summary>Admission limit: conversations in flight (<c>agentsim_admission_limit</c>).</summary>
    public const string LimitName = "agentsim.admission.limit";

    /// <summary>Faults in force on the real-time clock, timeline and runtime, by kind and scope (<c>agentsim_faults_active</c>).</summary>
    public const string FaultsActiveName = "agentsim.faults.active";

    /// <summary>Conversations of lost silos taken over, by result (<c>agentsim_conversations_recovered_total{result}</c>).</summary>
    public const string RecoveredName = "agentsim.conversations.recovered";

    /// <summary>Outcome writes the conversation ledger ignored, by reason (<c>agentsim_ledger_writes_ignored_total{reason}</c>).</summary>
    public const string LedgerIgnoredName = "agentsim.ledger.writes.ignored";

    /// <summary>Wall time of writing a conversation's checkpoint to the ledger (<c>agentsim_conversation_checkpoint_seconds</c>).</summary>
    public const string CheckpointName = "agentsim.conversation.checkpoint";

    /// <summary>The result label of <see cref="RecoveredName"/>: <c>resumed</c> or <c>failed</c>.</summary>
    public const string ResultTag = "result";

    /// <summary>The scope label: what a fault is aimed at, from the scenario's names (provider, <c>provider/channel</c>, guardrail, channel, or <c>all</c>).</summary>
    public const string ScopeTag = "scope";

    // Fine at the low end: the benchmark's target is a p99 of 10 ms.
    private static readonly double[] OverheadBuckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 5];

    private readonly Counter<long> _shed;
    private readonly Histogram<double> _overhead;
    private readonly TagList[] _reasons;
    private readonly Counter<long> _recovered;
    private readonly Counter<long> _ledgerIgnored;
    private readonly Histogram<double> _checkpoint;
    private readonly TagList[] _results;
    private readonly TagList[] _ignoredReasons;
    private readonly HashSet<(string Kind, string Scope)> _faultsSeen = [];
    private double _lag;
    private int _limit;
    private Func<IEnumerable<(string Kind, string Scope)>>? _faults;

    /// <summary>Creates the instruments on the AgentSim meter.</summary>
    public LiveMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(AgentSimInstruments.MeterName);
        _shed = meter.CreateCounter<long>(ShedName, null, "Arrivals not started: over the admission limit, or skipped while the generator lagged.");
        _overhead = meter.CreateHistogram(OverheadName, AgentSimInstruments.Seconds, "Wall time a real-time step ran after its scaled simulated time.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = OverheadBuckets });
        meter.CreateObservableGauge(LagName, () => Volatile.Read(ref _lag), AgentSimInstruments.Seconds, "How far the silo's arrival generator is behind its schedule, wall seconds.");
        meter.CreateObservableGauge(LimitName, () => Volatile.Read(ref _limit), null, "Admission limit: real-time conversations in flight.");
        meter.CreateObservableGauge(FaultsActiveName, MeasureFaults, null, "Faults in force on the real-time clock (scenario timeline and runtime), by kind and scope.");
        _reasons = [.. Enum.GetValues<ShedReason>().Select(r => new TagList { { AgentSimInstruments.ReasonTag, r == ShedReason.Admission ? "admission" : "lag" } })];
        foreach (var reason in _reasons)
        {
            _shed.Add(0, reason);
        }

        _recovered = meter.CreateCounter<long>(RecoveredName, null, "Conversations of lost silos this silo took over: resumed with their context (or re-queued), or ended failed.");
        _ledgerIgnored = meter.CreateCounter<long>(LedgerIgnoredName, null, "Outcome writes the conversation ledger ignored: a second outcome, a write from a silo that no longer owned the conversation, or one given up with the store unreachable.");
        _checkpoint = meter.CreateHistogram(CheckpointName, AgentSimInstruments.Seconds, "Wall time of writing a real-time conversation's checkpoint to the cluster's ledger, serializing included.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = OverheadBuckets });
        _results = [new TagList { { ResultTag, "resumed" } }, new TagList { { ResultTag, "failed" } }];
        _ignoredReasons = [new TagList { { AgentSimInstruments.ReasonTag, "duplicate" } }, new TagList { { AgentSimInstruments.ReasonTag, "stale" } }, new TagList { { AgentSimInstruments.ReasonTag, "unreachable" } }];
        foreach (var result in _results)
        {
            _recovered.Add(0, result);
        }

        foreach (var reason in _ignoredReasons)
        {
            _ledgerIgnored.Add(0, reason);
        }
    }

    /// <inheritdoc />
    public void Shed(ShedReason reason, long count) => _shed.Add(count, _reasons[(int)reason]);

    /// <inheritdoc />
    public void Overhead(double wallSeconds) => _overhead.Record(wallSeconds);

    /// <inheritdoc />
    public void Lag(double wallSeconds) => Volatile.Write(ref _lag, wallSeconds);

    /// <inheritdoc />
    public void AdmissionLimit(int limit) => Volatile.Write(ref _limit, limit);

    /// <inheritdoc />
    public void ObserveFaults(Func<IEnumerable<(string Kind, string Scope)>> active) => Volatile.Write(ref _faults, active);

    /// <inheritdoc />
    public void Recovered(RecoveryResult result, long count) => _recovered.Add(count, _results[(int)result]);

    /// <inheritdoc />
    public void LedgerIgnored(LedgerIgnoredReason reason) => _ledgerIgnored.Add(1, _ignoredReasons[(int)reason]);

    /// <inheritdoc />
    public void Checkpoint(double wallSeconds) => _checkpoint.Record(wallSeconds);

    // Every kind and scope seen in force on this silo is reported, 0 once it has ended, so a dashboard sees it end rather
    // than a series that stops; the labels come from the fault kinds and the scenario's names, a bounded set.
    private IEnumerable<Measurement<int>> MeasureFaults()
    {
        if (Volatile.Read(ref _faults) is not { } source)
        {
            return [];
        }

        var counts = source().CountBy(f => f).ToDictionary(x => x.Key, x => x.Value);
        lock (_faultsSeen)
        {
            _faultsSeen.UnionWith(counts.Keys);
            return [.. _faultsSeen.Select(f => new Measurement<int>(counts.GetValueOrDefault(f),
                new KeyValuePair<string, object?>(AgentSimInstruments.KindTag, f.Kind), new KeyValuePair<string, object?>(ScopeTag, f.Scope)))];
        }
    }
}
