using System.Globalization;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using AgentSim.LoadTests.Scenarios;
using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Targets;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Driver;

/// <summary>
/// The load driver: runs a plan's scenarios under their load simulations. In the <b>open</b> model (NBomber's
/// <c>Inject</c> family, with k6's overload rule) arrivals are scheduled on the clock and sent when due, whether or not
/// earlier requests have answered; past the in-flight cap an arrival is dropped and counted, never delayed. Each latency
/// is recorded from the scheduled start (response time, safe from coordinated omission) and from the actual send (service
/// time). In the <b>closed</b> model (<c>KeepConstant</c> family) a number of copies each run their next iteration as
/// soon as the last one ends. An iteration runs its scenario's steps in order; each step is timed on its own.
/// </summary>
public sealed class LoadDriver
{
    private readonly ILoadTarget _target;
    private readonly DriverSettings _settings;
    private readonly LoadPlan _plan;
    private readonly Timeline _timeline;
    private readonly Dictionary<LoadScenario, ScenarioRecorder> _recorders;
    private readonly ConcurrentDictionary<string, long> _outcomes = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _stop = new();
    private string? _abortedBy;
    private double _stoppedAt = double.NaN;
    private double _endedEarlyAt = double.NaN;
    private int _closed;
    private long _start;
    private long _inFlight;
    private long _maxInFlight;
    private double _scheduledThrough;

    /// <summary>Creates a driver of <paramref name="target"/>.</summary>
    public LoadDriver(ILoadTarget target, DriverSettings settings)
    {
        _target = target;
        _settings = settings;
        _plan = settings.EffectivePlan;
        _timeline = new Timeline(settings.Seconds);
        _recorders = _plan.Scenarios.ToDictionary(s => s, s => new ScenarioRecorder(s));
    }

    /// <summary>Called once a measured second has ended, with its row (e.g. for a live view).</summary>
    public Action<TimelineRow>? OnSecond { get; init; }

    /// <summary>Sees each arrival as it happens (the driver's own metrics); by default <see cref="DriverObserver.Current"/>.</summary>
    public IDriverObserver? Observer { get; init; } = DriverObserver.Current;

    /// <summary>Called when a runtime threshold fails and stops the run, with the reason.</summary>
    public Action<string>? OnAbort { get; init; }

    /// <summary>Reads the simulation's own metrics from the silo once a measured second (for thresholds and reports), or null.</summary>
    public ISimulationProbe? Probe { get; init; }

    /// <summary>
    /// Runs each scenario's init, the warm-up and the measured time, waits for requests under way, runs each scenario's
    /// clean, and returns what was measured, with the final thresholds checked. A runtime threshold that fails stops the
    /// arrivals at once (<see cref="LoadResult.AbortedBy"/>).
    /// </summary>
    public async Task<LoadResult> RunAsync(CancellationToken cancellation = default)
    {
        foreach (var scenario in _plan.Scenarios.Where(s => s.Init is not null))
        {
            await scenario.Init!(_target, cancellation).ConfigureAwait(false);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, _stop.Token);
        var token = linked.Token;
        var warmup = _settings.Warmup.TotalSeconds;
        var end = warmup + _settings.Duration.TotalSeconds;
        await (Probe?.StartAsync(_settings.Warmup, cancellation) ?? Task.CompletedTask).ConfigureAwait(false);
        _start = Stopwatch.GetTimestamp();
        Observer?.Started(_settings.Rate);
        var streams = _plan.Streams().Select((stream, i) =>
        {
            var profile = LoadProfile.Build(stream.Phases, warmup, _settings.Seed + i);
            var picker = new Picker(stream.Scenarios, _settings.Seed + i, _recorders);
            return profile.Open
                ? Task.Factory.StartNew(() => Schedule(profile, picker, warmup, end, token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                : RunClosedAsync(profile, picker, warmup, end, token);
        }).ToArray();
        var sampler = SampleAsync(warmup, token);
        var streamsDone = Task.WhenAll(streams).ContinueWith(
            _ => Volatile.Write(ref _endedEarlyAt, Elapsed() < end - 0.05 ? Elapsed() : double.NaN), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        await streamsDone.ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        var drainUntil = Elapsed() + (_settings.DrainTimeout ?? TimeSpan.FromSeconds(30)).TotalSeconds;
        while (Interlocked.Read(ref _inFlight) > 0 && Elapsed() < drainUntil)
        {
            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }

        var unfinished = Interlocked.Read(ref _inFlight);
        Observer?.Stopped();
        await _abort.CancelAsync().ConfigureAwait(false);
        foreach (var scenario in _plan.Scenarios.Where(s => s.Clean is not null))
        {
            await scenario.Clean!(_target, cancellation).ConfigureAwait(false);
        }

        // After the cleans, so a clean that waits for the silo's conversations to end makes the silo's figures final.
        var simulation = Probe is null ? null : await Probe.FinishAsync(CancellationToken.None).ConfigureAwait(false);
        _timeline.CloseLatencies();
        var aborted = Volatile.Read(ref _abortedBy);
        var endedEarly = Volatile.Read(ref _endedEarlyAt);
        var measured = aborted is not null ? Math.Clamp(_stoppedAt - warmup, 0, _settings.Duration.TotalSeconds)
            : !double.IsNaN(endedEarly) ? Math.Clamp(endedEarly - warmup, 0, _settings.Duration.TotalSeconds)
            : _settings.Duration.TotalSeconds;
        var rows = aborted is null && double.IsNaN(endedEarly) ? _settings.Seconds : _timeline.RowsInUse(Volatile.Read(ref _closed));
        var all = _timeline.Measure(int.MaxValue, measured, _settings.Rate) with { Simulation = simulation?.Totals };
        return _timeline.Result(_settings, _target.Name, unfinished, Interlocked.Read(ref _maxInFlight), new Dictionary<string, long>(_outcomes), rows) with
        {
            MeasuredSeconds = measured,
            AbortedBy = aborted,
            Simulation = simulation,
            Thresholds = [.. (_settings.Thresholds ?? []).Select(t => t.Check(all))],
            Scenarios = [.. _plan.Scenarios.Select(s => _recorders[s].Summary())],
        };
    }

    // The open model: one thread per stream sends each arrival when due.
    private void Schedule(LoadProfile profile, Picker picker, double warmup, double end, CancellationToken cancellation)
    {
        var arrivals = profile.NewArrivals(picker.Seed);
        var next = arrivals.Next();
        while (next < end && !cancellation.IsCancellationRequested)
        {
            var now = Elapsed();
            if (next > now)
            {
                // Sleep until the next arrival is due (whole milliseconds, the sleep overshooting a little rather than
                // waking early); Thread.Sleep wakes within about a millisecond, where pool timers tick every few.
                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(1, Math.Floor((Math.Min(next, end) - now) * 1000))));
                now = Elapsed();
            }

            // Send everything now due: a driver that fell behind catches up at once, and the lag shows in the response time.
            while (next <= now && next < end)
            {
                Issue(next, warmup, picker);
                next = arrivals.Next();
            }

            Volatile.Write(ref _scheduledThrough, Math.Min(now, next));
        }

        // A stream whose arrivals ran out ends with the run, not before it (unless stopped).
        var left = end - Elapsed();
        if (left > 0 && !cancellation.IsCancellationRequested)
        {
            cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(left));
        }

        Volatile.Write(ref _scheduledThrough, double.MaxValue);
    }

    private double Elapsed() => Stopwatch.GetElapsedTime(_start).TotalSeconds;

    private void Issue(double scheduled, double warmup, Picker picker)
    {
        var second = (int)Math.Floor(scheduled - warmup + 1e-9);
        var measured = second >= 0;
        var (recorder, item) = picker.Next();
        if (measured)
        {
            _timeline.Scheduled(second);
        }

        if (Interlocked.Read(ref _inFlight) >= _settings.MaxInFlight)
        {
            if (measured)
            {
                _timeline.Dropped(second);
                recorder.Dropped();
            }

            Observer?.Dropped(measured);
            return;
        }

        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        Observer?.Sent(measured);
        var sent = Stopwatch.GetTimestamp();
        var lag = Stopwatch.GetElapsedTime(_start, sent).TotalSeconds - scheduled;
        if (measured)
        {
            _timeline.Sent(Second(sent, warmup), lag);
        }

        _ = IterateAsync(recorder, item, scheduled, sent, warmup, measured);
    }

    // One iteration: the scenario's steps in order, each timed; a failed step ends it. The single-step case (the
    // command line's default) keeps to one call.
    private async Task IterateAsync(ScenarioRecorder recorder, FeedItem item, double scheduled, long sent, double warmup, bool measured)
    {
        var steps = recorder.Scenario.Steps;
        var outcome = default(TargetOutcome);
        string? id = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var stepStart = Stopwatch.GetTimestamp();
            try
            {
                outcome = await _target.SendAsync(new LoadRequest(steps[i], item, id), _abort.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                outcome = new TargetOutcome(false, ex.GetType().Name);
            }

            if (measured)
            {
                recorder.Step(i, outcome.Ok, Stopwatch.GetElapsedTime(stepStart).TotalSeconds, outcome.Kind);
            }

            if (!outcome.Ok)
            {
                break;
            }

            id = outcome.ConversationId ?? id;
        }

        var done = Stopwatch.GetTimestamp();
        var response = Stopwatch.GetElapsedTime(_start, done).TotalSeconds - scheduled;
        var service = Stopwatch.GetElapsedTime(sent, done).TotalSeconds;
        Observer?.Completed(measured, outcome.Ok, response, service);
        if (measured)
        {
            _outcomes.AddOrUpdate(outcome.Kind, 1, (_, n) => n + 1);
            _timeline.Completed(Second(done, warmup), outcome.Ok, response, service);
            recorder.Iteration(outcome.Ok, response);
        }

        // Last: the drain waits for no request under way, so the result (and the observer) count every completion.
        Interlocked.Decrement(ref _inFlight);
    }

    // The closed model: copies that each run their next iteration when the last ends. A controller follows the
    // profile's copies every 10 ms, starting copies as they are wanted; a copy above the wanted number idles.
    private async Task RunClosedAsync(LoadProfile profile, Picker picker, double warmup, double end, CancellationToken cancellation)
    {
        var copies = new List<Task>();
        var wanted = new StrongBox<int>(0);
        var state = new ClosedState(profile.IterationLimit);
        var stop = Math.Min(end, profile.End);
        while (!cancellation.IsCancellationRequested && !state.LimitReached && Elapsed() < stop)
        {
            var level = (int)Math.Round(profile.Level(Elapsed()));
            Volatile.Write(ref wanted.Value, level);
            while (copies.Count < level)
            {
                var index = copies.Count;
                copies.Add(Task.Run(() => CopyAsync(index, wanted, state, picker, warmup, cancellation), CancellationToken.None));
            }

            await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
        }

        state.Done = true;
        await Task.WhenAll(copies).ConfigureAwait(false);
    }

    private async Task CopyAsync(int index, StrongBox<int> wanted, ClosedState state, Picker picker, double warmup, CancellationToken cancellation)
    {
        while (!state.Done && !cancellation.IsCancellationRequested)
        {
            if (index >= Volatile.Read(ref wanted.Value))
            {
                await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            var started = Stopwatch.GetTimestamp();
            var at = Stopwatch.GetElapsedTime(_start, started).TotalSeconds;
            var measured = at >= warmup;
            if (measured && state.Limit is { } limit && Interlocked.Increment(ref state.Claimed) > limit)
            {
                state.LimitReached = true;
                return;
            }

            var (recorder, item) = picker.NextLocked();
            var second = (int)Math.Floor(at - warmup);
            if (measured)
            {
                _timeline.Scheduled(second);
                _timeline.Sent(second, 0);
            }

            InterlockedMax(ref _maxInFlight, Interlocked.Increment(ref _inFlight));
            Observer?.Sent(measured);
            await IterateAsync(recorder, item, at, started, warmup, measured).ConfigureAwait(false);
        }
    }

    private int Second(long timestamp, double warmup) => (int)Math.Floor(Stopwatch.GetElapsedTime(_start, timestamp).TotalSeconds - warmup);
    // At each measured second's end: close its latency interval and note the requests under way.
    private async Task SampleAsync(double warmup, CancellationToken cancellation)
    {
        for (var second = 0; second < _settings.Seconds && !cancellation.IsCancellationRequested; second++)
        {
            // Wait for the second's end, or for the load to end early (iterations done).
            for (var left = warmup + second + 1 - Elapsed(); left > 0 && double.IsNaN(Volatile.Read(ref _endedEarlyAt)); left = warmup + second + 1 - Elapsed())
            {
                // `left` is read once: the clock runs on, and a delay must never be negative.
                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(left, 0.001, 0.05)), CancellationToken.None).ConfigureAwait(false);
            }

            var endedEarly = !double.IsNaN(Volatile.Read(ref _endedEarlyAt));

            // Let the schedule pass the second's end first, so the row counts every arrival due in it.
            while (!endedEarly && Volatile.Read(ref _scheduledThrough) < warmup + second + 1 && Elapsed() < warmup + second + 2)
            {
                await Task.Delay(1, CancellationToken.None).ConfigureAwait(false);
            }

            var row = _timeline.CloseSecond(second, Interlocked.Read(ref _inFlight));
            Volatile.Write(ref _closed, second + 1);
            OnSecond?.Invoke(row);
            await (Probe?.SampleAsync(second, cancellation) ?? Task.CompletedTask).ConfigureAwait(false);
            if (endedEarly)
            {
                return;
            }

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

    // Picks each iteration's scenario (by weight, when a stream has several) and its feed item, from seeded streams.
    private sealed class Picker
    {
        private readonly ScenarioRecorder[] _recorders;
        private readonly double[] _cumulative;
        private readonly DataFeed.Reader?[] _feeds;
        private readonly Random _random;
        private readonly Lock _lock = new();

        public Picker(IReadOnlyList<LoadScenario> scenarios, int seed, Dictionary<LoadScenario, ScenarioRecorder> recorders)
        {
            Seed = seed;
            _recorders = [.. scenarios.Select(s => recorders[s])];
            var sum = 0.0;
            _cumulative = [.. scenarios.Select(s => sum += s.Weight ?? 1)];
            _feeds = [.. scenarios.Select((s, i) => s.Feed?.Open(unchecked((seed * 7919) + (i * 104729) + 0xFEED)))];
            _random = new Random(unchecked((seed * 6151) + 0x5CE2));
        }

        public int Seed { get; }

        public (ScenarioRecorder Recorder, FeedItem Item) Next()
        {
            var i = 0;
            if (_recorders.Length > 1)
            {
                var u = _random.NextDouble() * _cumulative[^1];
                while (i < _cumulative.Length - 1 && u >= _cumulative[i])
                {
                    i++;
                }
            }

            return (_recorders[i], _feeds[i]?.Next() ?? FeedItem.None);
        }

        public (ScenarioRecorder Recorder, FeedItem Item) NextLocked()
        {
            lock (_lock)
            {
                return Next();
            }
        }
    }

    private sealed class ClosedState(long? limit)
    {
        public long Claimed;
        public volatile bool Done;
        public volatile bool LimitReached;

        public long? Limit { get; } = limit;
    }
}
