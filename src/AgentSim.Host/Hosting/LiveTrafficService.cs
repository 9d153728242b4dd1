using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Live;
using AgentSim.Model.Randomness;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace AgentSim.Host.Hosting;

/// <summary>
/// Starts the silo's real-time clock once the silo is up and, when the scenario's rate is above 0, generates its
/// arrivals: a Poisson process on the wall clock at rate × time scale, each started through the same admission as the
/// ingress. Arrivals over the admission limit are shed and counted. When the process falls more than
/// <see cref="MaxLag"/> behind its schedule (paused, starved), the arrivals it missed are counted as shed for lag and
/// skipped, not replayed in a burst.
/// </summary>
internal sealed partial class LiveTrafficService(
    LiveTraffic traffic,
    LiveSilo live,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<LiveTrafficService> logger) : BackgroundService
{
    /// <summary>How far behind its schedule the generator may fall before it skips.</summary>
    public static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(1);

    /// <summary>Starts under way at once (activations being placed); past it arrivals are shed too, so a burst cannot pile up calls.</summary>
    public const int MaxStarting = 1_000;

    private static readonly TimeSpan LongestSleep = TimeSpan.FromMilliseconds(50);

    private int _starting;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stopping starts no more conversations: new activations could only wait (and retry placement) on a silo that is going.
        using var stopping = lifetime.ApplicationStopping.Register(live.Stop);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        await grains.GetGrain<ILiveClockGrain>(silo.SiloAddress.ToParsableString()).StartAsync();
        if (traffic.RatePerSecond <= 0)
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }

        var wallRate = traffic.RatePerSecond * traffic.TimeScale;
        var rng = new Rng(traffic.World.Seed, ulong.MaxValue, Purpose.Conversation);
        var start = time.GetTimestamp();
        var next = 0.0;
        var owed = 0.0;
        var spec = new ConversationSpec();
        var conversations = live.Run!.Conversations;
        while (!stoppingToken.IsCancellationRequested && !live.Stopping)
        {
            var now = time.GetElapsedTime(start).TotalSeconds;
            var behind = now - next;
            if (behind > MaxLag.TotalSeconds)
            {
                var skipped = (long)(behind * wallRate);
                live.Metrics.Shed(ShedReason.Lag, skipped);
                LogSkipped(skipped, behind);
                next = now;
            }

            live.Metrics.Lag(Math.Max(0, now - next));
            long shed = 0;
            while (next <= now)
            {
                if (conversations.InFlight >= conversations.Limit || Volatile.Read(ref _starting) >= MaxStarting)
                {
                    // At the limit every arrival due is shed: counted (the expected number, rate × time), not drawn one by one,
                    // so an impossible rate costs no more than a possible one.
                    // The fraction is carried to the next count, so many short intervals do not each round down.
                    owed += 1 + ((now - next) * wallRate);
                    shed += (long)owed;
                    owed -= (long)owed;
                    next = now + rng.Exponential(1 / wallRate);
                    break;
                }

                Start(spec);
                next += rng.Exponential(1 / wallRate);
            }

            if (shed > 0)
            {
                live.Metrics.Shed(ShedReason.Admission, shed);
            }

            var sleep = TimeSpan.FromSeconds(next - time.GetElapsedTime(start).TotalSeconds);
            if (sleep > TimeSpan.Zero)
            {
                await Task.Delay(sleep < LongestSleep ? sleep : LongestSleep, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Start(ConversationSpec spec)
    {
        // Not awaited: admission bounds how many are in flight, MaxStarting how many are being started; a failure is logged
        // (unless the silo is stopping, when starts under way fail by design), never lost silently.
        Interlocked.Increment(ref _starting);
        var task = live.StartAsync(spec);
        if (task.IsCompleted)
        {
            Started(task);
        }
        else
        {
            _ = task.ContinueWith(Started, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Started(Task task)
    {
        Interlocked.Decrement(ref _starting);
        if (task.IsFaulted && !live.Stopping)
        {
            LogStartFailed(task.Exception!.GetBaseException());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The arrival generator fell {Behind:F1} s behind its schedule; skipped {Skipped} arrivals (counted in agentsim_arrivals_shed_total{{reason=\"lag\"}}).")]
    private partial void LogSkipped(long skipped, double behind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A conversation could not be started.")]
    private partial void LogStartFailed(Exception exception);
}
