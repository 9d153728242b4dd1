using AgentSim.Abstractions.Grains;
using Orleans.Placement;

namespace AgentSim.Grains.Live;

/// <summary>
/// Ticks its silo's <see cref="LiveRun"/> on a grain timer: every <see cref="TickEvery"/> of wall time, or every epoch of
/// simulated time when that is shorter. Human queues are advanced to now on each tick, so a queue's decision reaches its
/// customer at most one tick late; governance and provider state change once an epoch, as in virtual time.
/// </summary>
[PreferLocalPlacement]
[Immovable]
public sealed class LiveClockGrain(LiveSilo live) : Grain, ILiveClockGrain
{
    /// <summary>Longest wall time between ticks.</summary>
    public static readonly TimeSpan TickEvery = TimeSpan.FromMilliseconds(10);

    private IGrainTimer? _timer;

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
        }

        return Task.CompletedTask;
    }
}
