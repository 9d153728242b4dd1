using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentSim.LoadTests.Driver;

namespace AgentSim.LoadTests.Telemetry;

/// <summary>
/// The driver's own metrics (meter <see cref="MeterName"/>), fed by the driver as an <see cref="IDriverObserver"/>. The
/// Prometheus exporter turns the instrument names into <c>agentsim_load_*</c> (dots to <c>_</c>, <c>_total</c> on
/// counters, <c>_seconds</c> on the histograms). Labels come from bounded sets only: <c>target</c> (the kind:
/// inprocess, http, orleans, noop), <c>scenario</c> (only for the in-process silo: the scenario it runs),
/// <c>phase</c> (warmup, measured) and <c>outcome</c> (ok, error) — never a request or conversation id.
/// </summary>
public sealed class DriverMetrics : IDriverObserver, IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "AgentSim.LoadDriver";

    /// <summary>Arrivals a second the driver is scheduling now (0 between runs): <c>agentsim_load_target_rate</c>.</summary>
    public const string TargetRate = "agentsim.load.target_rate";

    /// <summary>Requests sent: <c>agentsim_load_sent_total</c> (its rate is the achieved rate).</summary>
    public const string SentTotal = "agentsim.load.sent";

    /// <summary>Requests ended, by outcome: <c>agentsim_load_requests_total</c>.</summary>
    public const string RequestsTotal = "agentsim.load.requests";

    /// <summary>Arrivals dropped at the in-flight cap: <c>agentsim_load_dropped_total</c>.</summary>
    public const string DroppedTotal = "agentsim.load.dropped";

    /// <summary>Requests under way: <c>agentsim_load_in_flight</c>.</summary>
    public const string InFlight = "agentsim.load.in_flight";

    /// <summary>Response time, from the scheduled start: <c>agentsim_load_response_seconds</c>.</summary>
    public const string Response = "agentsim.load.response";

    /// <summary>Service time, from the send: <c>agentsim_load_service_seconds</c>.</summary>
    public const string Service = "agentsim.load.service";

    /// <summary>Histogram boundaries, seconds: 0.5 ms to 30 s, with one at the default capacity SLO's 250 ms.</summary>
    public static readonly IReadOnlyList<double> Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly Meter _meter = new(MeterName);
    private readonly KeyValuePair<string, object?>[] _labels;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _response;
    private readonly Histogram<double> _service;
    private readonly TagList[] _phase;
    private readonly TagList[] _outcome;
    private long _inFlight;
    private double _rate;

    /// <summary>Creates the instruments, labelled with <paramref name="target"/> (the target's kind) and, when not null, <paramref name="scenario"/>.</summary>
    public DriverMetrics(string target, string? scenario)
    {
        _labels = scenario is null ? [new("target", target)] : [new("target", target), new("scenario", scenario)];
        _sent = _meter.CreateCounter<long>(SentTotal, description: "Requests the load driver sent.");
        _requests = _meter.CreateCounter<long>(RequestsTotal, description: "Requests the load driver saw end, by outcome (ok or error).");
        _dropped = _meter.CreateCounter<long>(DroppedTotal, description: "Arrivals the load driver dropped at its in-flight cap (dropped_iterations).");
        _response = _meter.CreateHistogram(Response, "s", "Response time from each request's scheduled start (coordinated-omission safe).", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        _service = _meter.CreateHistogram(Service, "s", "Service time from each request's actual send.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        _meter.CreateObservableGauge(TargetRate, () => new Measurement<double>(Volatile.Read(ref _rate), _labels), description: "Arrivals a second the load driver is scheduling (0 between runs).");
        _meter.CreateObservableGauge(InFlight, () => new Measurement<long>(Interlocked.Read(ref _inFlight), _labels), description: "Requests the load driver has under way.");

        // The label sets, built once (they are taken on every request): by phase (warmup, measured), and by phase and outcome.
        _phase = [Tags("warmup"), Tags("measured")];
        _outcome = [Tags("warmup", "error"), Tags("warmup", "ok"), Tags("measured", "error"), Tags("measured", "ok")];

        // Every counter series exists from the start (at 0), so rate() and the dashboard's panels have data before the first error or drop.
        foreach (var phase in new[] { "warmup", "measured" })
        {
            _sent.Add(0, Tags(phase));
            _dropped.Add(0, Tags(phase));
            _requests.Add(0, Tags(phase, "ok"));
            _requests.Add(0, Tags(phase, "error"));
        }
    }

    /// <inheritdoc />
    public void Started(double rate) => Volatile.Write(ref _rate, rate);

    /// <inheritdoc />
    public void Sent(bool measured)
    {
        Interlocked.Increment(ref _inFlight);
        _sent.Add(1, in _phase[measured ? 1 : 0]);
    }

    /// <inheritdoc />
    public void Dropped(bool measured) => _dropped.Add(1, in _phase[measured ? 1 : 0]);

    /// <inheritdoc />
    public void Completed(bool measured, bool ok, double responseSeconds, double serviceSeconds)
    {
        var phase = measured ? 1 : 0;
        _requests.Add(1, in _outcome[(phase * 2) + (ok ? 1 : 0)]);
        _response.Record(responseSeconds, in _phase[phase]);
        _service.Record(serviceSeconds, in _phase[phase]);
        Interlocked.Decrement(ref _inFlight);
    }

    /// <inheritdoc />
    public void Stopped() => Volatile.Write(ref _rate, 0);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private TagList Tags(string phase, string? outcome = null)
    {
        var tags = new TagList(_labels.AsSpan()) { { "phase", phase } };
        if (outcome is not null)
        {
            tags.Add("outcome", outcome);
        }

        return tags;
    }
}
