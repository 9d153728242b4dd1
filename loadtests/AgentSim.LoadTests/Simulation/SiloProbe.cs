using System.Diagnostics;
using AgentSim.LoadTests.Targets;

namespace AgentSim.LoadTests.Simulation;

/// <summary>
/// Scrapes a silo's Prometheus <c>/metrics</c> at the warm-up's end, once a measured second and after the run, and turns
/// counter deltas since the warm-up's end into the simulation series. A scrape that fails is counted, never thrown.
/// </summary>
/// <param name="url">The silo's <c>/metrics</c> address.</param>
public sealed class SiloProbe(Uri url) : ISimulationProbe
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };

    private readonly List<SimulationRow> _rows = [];
    private Task<SimulationCounters?>? _pendingBaseline;
    private SimulationCounters? _baseline;
    private SimulationCounters? _previous;
    private int _scrapes;
    private int _failures;
    private string? _lastError;

    /// <summary>Where the metrics are read.</summary>
    public Uri Url { get; } = url;

    /// <summary>Longest a scrape may take before it counts as failed (default 900 ms, inside the driver's second).</summary>
    public TimeSpan ScrapeTimeout { get; init; } = TimeSpan.FromMilliseconds(900);

    /// <summary>
    /// After the run, how long to wait for the silo to finish the conversations under way (its in-flight gauge at 0 and
    /// nothing more ending) before the last scrape; default 0 (scrape at once).
    /// </summary>
    public TimeSpan Settle { get; init; }

    /// <inheritdoc />
    public SimulationCounters? Cumulative { get; private set; }

    /// <summary>
    /// The probe for <paramref name="target"/>: <paramref name="metricsUrl"/> when given (<c>--metrics-url</c>), else the
    /// <c>/metrics</c> of the in-process silo or of an http target's scheme, host and port; null when there is none
    /// (orleans and noop targets without <c>--metrics-url</c>).
    /// </summary>
    public static SiloProbe? For(string? metricsUrl, ILoadTarget target)
    {
        if (metricsUrl is not null)
        {
            return new SiloProbe(MetricsUri(new Uri(metricsUrl)));
        }

        return target switch
        {
            InProcessTarget t => new SiloProbe(new Uri(t.BaseUri, "/metrics")),
            HttpTarget h => new SiloProbe(new Uri(h.Url, "/metrics")),
            _ => null,
        };
    }

    /// <summary><paramref name="url"/> as given, or with <c>/metrics</c> when it is a bare base address.</summary>
    public static Uri MetricsUri(Uri url) => url.AbsolutePath is "" or "/" ? new Uri(url, "/metrics") : url;

    /// <inheritdoc />
    public async Task StartAsync(TimeSpan warmup, CancellationToken cancellation)
    {
        _rows.Clear();
        _baseline = _previous = Cumulative = null;
        _scrapes = _failures = 0;
        _lastError = null;
        if (warmup <= TimeSpan.Zero)
        {
            _baseline = _previous = await ScrapeAsync(cancellation).ConfigureAwait(false);
            _pendingBaseline = null;
            return;
        }

        _pendingBaseline = BaselineAfterAsync(warmup, cancellation);
    }

    /// <inheritdoc />
    public async Task SampleAsync(int second, CancellationToken cancellation)
    {
        await AwaitBaselineAsync().ConfigureAwait(false);
        var now = await ScrapeAsync(cancellation).ConfigureAwait(false);
        while (_rows.Count < second)
        {
            _rows.Add(new SimulationRow(_rows.Count, null, null));
        }

        if (now is null)
        {
            _rows.Add(new SimulationRow(second, null, Cumulative));
            return;
        }

        // With no baseline (its scrape failed) the first scrape that works is the baseline.
        _baseline ??= now;
        var inSecond = now.Since(_previous ?? _baseline);
        _previous = now;
        Cumulative = now.Since(_baseline);
        _rows.Add(new SimulationRow(second, inSecond, Cumulative));
    }

    /// <inheritdoc />
    public async Task<SimulationSeries> FinishAsync(CancellationToken cancellation)
    {
        await AwaitBaselineAsync().ConfigureAwait(false);
        if (Settle > TimeSpan.Zero)
        {
            await SettleAsync(cancellation).ConfigureAwait(false);
        }

        var last = await ScrapeAsync(cancellation).ConfigureAwait(false);
        if (last is not null && _baseline is not null)
        {
            Cumulative = last.Since(_baseline);
        }

        return new SimulationSeries(Url, [.. _rows], _baseline is null ? null : Cumulative, _scrapes, _failures, _lastError);
    }

    private async Task AwaitBaselineAsync()
    {
        if (_pendingBaseline is { } pending)
        {
            _pendingBaseline = null;
            _baseline = _previous = await pending.ConfigureAwait(false);
        }
    }

    private async Task<SimulationCounters?> BaselineAfterAsync(TimeSpan warmup, CancellationToken cancellation)
    {
        try
        {
            await Task.Delay(warmup, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        return await ScrapeAsync(cancellation).ConfigureAwait(false);
    }

    // Until the silo has no conversation in flight and two scrapes in a row count the same ended, or Settle has passed.
    private async Task SettleAsync(CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        double? ended = null;
        while (clock.Elapsed < Settle && !cancellation.IsCancellationRequested)
        {
            var text = await FetchAsync(cancellation).ConfigureAwait(false);
            if (text is not null)
            {
                var now = text.Sum("agentsim_conversations_ended_total");
                if (text.Sum("agentsim_conversations_in_flight") <= 0 && ended == now)
                {
                    return;
                }

                ended = now;
            }

            try
            {
                await Task.Delay(200, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<SimulationCounters?> ScrapeAsync(CancellationToken cancellation)
    {
        Interlocked.Increment(ref _scrapes);
        var text = await FetchAsync(cancellation).ConfigureAwait(false);
        if (text is null)
        {
            Interlocked.Increment(ref _failures);
            return null;
        }

        return SimulationCounters.From(text);
    }

    private async Task<PrometheusText?> FetchAsync(CancellationToken cancellation)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(ScrapeTimeout);
            using var response = await Http.GetAsync(Url, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                _lastError = $"HTTP {(int)response.StatusCode}";
                return null;
            }

            var text = PrometheusText.Parse(await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false));
            if (!text.Samples.Any(s => s.Name.StartsWith("agentsim_", StringComparison.Ordinal)))
            {
                _lastError = "no agentsim_ metrics in the response";
                return null;
            }

            return text;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or InvalidOperationException)
        {
            _lastError = ex is OperationCanceledException ? $"timed out after {ScrapeTimeout.TotalMilliseconds:0} ms" : ex.Message;
            return null;
        }
    }
}
