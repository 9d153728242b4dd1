using System.Globalization;
using System.Collections.Concurrent;
using System.Diagnostics;
using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Targets;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Driver;

/// <summary>
/// The open-model load driver (NBomber's <c>Inject</c>/<c>InjectRandom</c>, with k6's overload rule): arrivals are
/// scheduled on the clock and sent when due, whether or not earlier requests have answered; past the in-flight cap an
/// arrival is dropped and counted, never delayed. Each latency is recorded from the scheduled start (response time, safe
/// from coordinated omission) and from the actual send (service time).
/// </summary>
public sealed class OpenModelDriver
{
    private readonly ILoadTarget _target;
    private readonly DriverSettings _settings;
    private readonly Timeline _timeline;
    private readonly ConcurrentDictionary<string, long> _outcomes = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _stop = new();
    private string? _abortedBy;
    private double _stoppedAt = double.NaN;
    private int _closed;
    private long _start;
    private long _inFlight;
    private long _maxInFlight;
    private double _scheduledThrough;

    /// <summary>Creates a driver of <paramref name="target"/>.</summary>
    public OpenModelDriver(ILoadTarget target, DriverSettings settings)
    {
        _target = target;
        _settings = settings;
        _timeline = new Timeline(settings.Seconds);
    }

    /// <summary>Called once a measured second has ended, with its row (e.g. for a live view).</summary>
    public Action<TimelineRow>? OnSecond { get; init; }

    /// <summary>Called when a runtime threshold fails and stops the run, with the reason.</summary>
    public Action<string>? OnAbort { get; init; }

    /// <summary>Reads the simulation's own metrics from the silo once a measured second (for thresholds and reports), or null.</summary>
    public ISimulationProbe? Probe { get; init; }

    /// <summary>
    /// Runs the warm-up and the measured time, waits for requests under way, and returns what was measured, with the final
    /// thresholds checked. A runtime threshold that fails stops the arrivals at once (<see cref="LoadResult.AbortedBy"/>).
    /// </summary>
    public async Task<LoadResult> RunAsync(CancellationToken cancellation = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _stop.Token);
        cancellation = linked.Token;
        var warmup = _settings.Warmup.TotalSeconds;
        var end = warmup + _settings.Duration.TotalSeconds;
        var schedule = new ArrivalSchedule(_settings.Rate, _settings.Poisson, _settings.Seed);
        await (Probe?.StartAsync(_settings.Warmup, cancellation) ?? Task.CompletedTask).ConfigureAwait(false);
        _start = Stopwatch.GetTimestamp();
        var sampler = SampleAsync(warmup, cancellation);

        // The schedule runs on a thread of its own: Thread.Sleep wakes within about a millisecond, where timers on the
        // thread pool tick every few, and the pool's load cannot hold the arrivals back.
        await Task.Factory.StartNew(() => Schedule(schedule, warmup, end, cancellation), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        var drainUntil = Elapsed() + (_settings.DrainTimeout ?? TimeSpan.FromSeconds(30)).TotalSeconds;
        while (Interlocked.Read(ref _inFlight) > 0 && Elapsed() < drainUntil)
        {
            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }

        var unfinished = Interlocked.Read(ref _inFlight);
        var simulation = Probe is null ? null : await Probe.FinishAsync(CancellationToken.None).ConfigureAwait(false);
        await _abort.CancelAsync().ConfigureAwait(false);
        _timeline.CloseLatencies();
        var aborted = Volatile.Read(ref _abortedBy);
        var measured = aborted is null ? _settings.Duration.TotalSeconds : Math.Clamp(_stoppedAt - warmup, 0, _settings.Duration.TotalSeconds);
        var rows = aborted is null ? _settings.Seconds : _timeline.RowsInUse(Volatile.Read(ref _closed));
        var all = _timeline.Measure(int.MaxValue, measured, _settings.Rate) with { Simulation = simulation?.Totals };
        return _timeline.Result(_settings, _target.Name, unfinished, Interlocked.Read(ref _maxInFlight), new Dictionary<string, long>(_outcomes), rows) with
        {
            MeasuredSeconds = measured,
            AbortedBy = aborted,
            Simulation = simulation,
            Thresholds = [.. (_settings.Thresholds ?? []).Select(t => t.Check(all))],
        };
    }

    private void Schedule(ArrivalSchedule schedule, double warmup, double end, CancellationToken cancellation)
    {
        var next = schedule.Next();
        while (next < end && !cancellation.IsCancellationRequested)
        {
            var now = Elapsed();
            if (next > now)
            {
                // Sleep until the next arrival is due (whole milliseconds, the sleep overshooting a little rather than waking early).
                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(1, Math.Floor((next - now) * 1000))));
                now = Elapsed();
            }

            // Send everything now due: a driver that fell behind catches up at once, and the lag shows in the response time.
            while (next <= now && next < end)
            {
                Issue(next, warmup);
                next = schedule.Next();
            }

            Volatile.Write(ref _scheduledThrough, Math.Min(now, next));
        }

        Volatile.Write(ref _scheduledThrough, double.MaxValue);
    }

    private double Elapsed() => Stopwatch.GetElapsedTime(_start).TotalSeconds;

    private void Issue(double scheduled, double warmup)
    {
        var second = (int)Math.Floor(scheduled - warmup + 1e-9);
        var measured = second >= 0;
        if (measured)
        {
            _timeline.Scheduled(second);
        }

        if (Interlocked.Read(ref _inFlight) >= _settings.MaxInFlight)
        {
            if (measured)
            {
                _timeline.Dropped(second);
            }

            return;
        }

        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        var sent = Stopwatch.GetTimestamp();
        var lag = Stopwatch.GetElapsedTime(_start, sent).TotalSeconds - scheduled;
        if (measured)
        {
            _timeline.Sent(Second(sent, warmup), lag);
        }

        ValueTask<TargetOutcome> call;
        try
        {
            call = _target.SendAsync(_abort.Token);
        }
        catch (Exception ex)
        {
            call = ValueTask.FromResult(new TargetOutcome(false, ex.GetType().Name));
        }

        _ = CompleteAsync(call, scheduled, sent, warmup, measured);
    }

    private async Task CompleteAsync(ValueTask<TargetOutcome> call, double scheduled, long sent, double warmup, bool measured)
    {
        TargetOutcome outcome;
        try
        {
            outcome = await call.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = new TargetOutcome(false, ex.GetType().Name);
        }

        var done = Stopwatch.GetTimestamp();
        Interlocked.Decrement(ref _inFlight);
        if (!measured)
        {
            return;
        }

        _outcomes.AddOrUpdate(outcome.Kind, 1, (_, n) => n + 1);
        var response = Stopwatch.GetElapsedTime(_start, done).TotalSeconds - scheduled;
        var service = Stopwatch.GetElapsedTime(sent, done).TotalSeconds;
        _timeline.Completed(Second(done, warmup), outcome.Ok, response, service);
    }

    private int Second(long timestamp, double warmup) => (int)Math.Floor(Stopwatch.GetElapsedTime(_start, timestamp).TotalSeconds - warmup);

    // At each measured second's end: close its latency interval and note the requests under way.
    private async Task SampleAsync(double warmup, CancellationToken cancellation)
    {
        for (var second = 0; second < _settings.Seconds && !cancellation.IsCancellationRequested; second++)
        {
            var wait = warmup + second + 1 - Elapsed();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait), CancellationToken.None).ConfigureAwait(false);
            }

            // Let the schedule pass the second's end first, so the row counts every arrival due in it.
            while (Volatile.Read(ref _scheduledThrough) < warmup + second + 1 && Elapsed() < warmup + second + 2)
            {
                await Task.Delay(1, CancellationToken.None).ConfigureAwait(false);
            }

            var row = _timeline.CloseSecond(second, Interlocked.Read(ref _inFlight));
            Volatile.Write(ref _closed, second + 1);
            OnSecond?.Invoke(row);
            await (Probe?.SampleAsync(second, cancellation) ?? Task.CompletedTask).ConfigureAwait(false);
            if (CheckRuntimeThresholds(second + 1) is { } reason)
            {
                _stoppedAt = Elapsed();
                Volatile.Write(ref _abortedBy, reason);
                await _stop.CancelAsync().ConfigureAwait(false);
                OnAbort?.Invoke(reason);
                return;
            }
        }
    }

    // Once the abort delay has passed: the runtime thresholds on everything measured since the warm-up ended (the
    // warm-up itself is never measured, so it cannot trip them); the first that fails says why the run stops.
    private string? CheckRuntimeThresholds(int closedSeconds)
    {
        var abortOn = _settings.AbortOn ?? [];
        if (abortOn.Count == 0 || closedSeconds < (_settings.AbortDelay ?? DriverSettings.DefaultAbortDelay).TotalSeconds - 1e-9)
        {
            return null;
        }

        var measurements = _timeline.Measure(closedSeconds, closedSeconds, _settings.Rate) with { Simulation = Probe?.Cumulative };
        var failed = abortOn.Select(t => t.Check(measurements)).FirstOrDefault(r => !r.Passed && !r.Unmeasured);
        return failed is null ? null : string.Create(CultureInfo.InvariantCulture,
            $"runtime threshold {failed.Threshold.Text} failed after {closedSeconds} measured s: {failed.MeasuredText} since the warm-up ended");
    }

    private static void InterlockedMax(ref long location, long value)
    {
        var current = Interlocked.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
