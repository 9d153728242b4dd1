using AgentSim.Abstractions.Grains;
using Orleans.Placement;

namespace AgentSim.Grains.Live;

/// <summary>
/// Ticks its silo's <see cref="LiveRun"/> on a grain timer: every <see cref="TickEvery"/> of wall time, or every epoch of
/// simulated time when that is shorter. Human queues are advanced to now on each tick, so a queue's decision reaches its
/// customer at most one tick late; governance and provider state change once an epoch, as in virtual time. Every
/// <see cref="FaultsEvery"/> it reads the cluster's runtime faults (<see cref="IRuntimeFaultsGrain"/>) and applies them.
/// </summary>
[PreferLocalPlacement]
[Immovable]
public sealed class LiveClockGrain(LiveSilo live) : Grain, ILiveClockGrain
{
    /// <summary>Longest wall time between ticks.</summary>
    public static readonly TimeSpan TickEvery = TimeSpan.FromMilliseconds(10);

    /// <summary>How often the silo reads the cluster's runtime faults.</summary>
    public static readonly TimeSpan FaultsEvery = TimeSpan.FromSeconds(1);

    /// <summary>How long a read of the runtime faults may take before it is given up until the next one.</summary>
    public static readonly TimeSpan FaultsTimeout = TimeSpan.FromSeconds(2);

    private IGrainTimer? _timer;
    private IGrainTimer? _faults;

    /// <inheritdoc />
    public Task StartAsync()
    {
        if (_timer is null && live.Run is { } run)
        {
            var epoch = run.WallLength(run.World.EpochMicros);
            var period = epoch < TickEvery ? epoch : TickEvery;
            period = period < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : period;
            _timer = this.RegisterGrainTimer(_ =>
            {
                run.Tick();
                return Task.CompletedTask;
            }, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
            // Interleaved, and each read bounded: a registry on a silo that is frozen or stopping would otherwise hold the
            // activation until the call times out (30 s), and no tick would run meanwhile (queues and epochs stood still).
            _faults = this.RegisterGrainTimer(_ => SyncFaultsAsync(run), new GrainTimerCreationOptions(TimeSpan.Zero, FaultsEvery) { KeepAlive = true, Interleave = true });
        }

        return Task.CompletedTask;
    }

    // Reads the cluster's runtime faults and applies them to this silo's clock when they changed (the HTTP API also
    // applies them at once on the silo that took the request; the others follow within FaultsEvery).
    private async Task SyncFaultsAsync(LiveRun run)
    {
        try
        {
            run.ApplyFaults(await GrainFactory.GetGrain<IRuntimeFaultsGrain>(IRuntimeFaultsGrain.Key).ListAsync().WaitAsync(FaultsTimeout));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The registry is unreachable for now (its silo going or gone): keep the faults in force and try again.
        }
    }
}
