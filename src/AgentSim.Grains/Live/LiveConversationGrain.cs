using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Model.Conversations;
using Orleans.Placement;

namespace AgentSim.Grains.Live;

/// <summary>
/// A real-time conversation: an activation for as long as the customer talks to the AI agent. A grain timer wakes it
/// at each turn's scaled simulated time; the turn is the model's own step against the clock's current snapshot; then it
/// waits the turn's latency and think time, or ends, or hands the customer to a human queue (which then owns the
/// outcome) and deactivates. How late each wake-up is, beyond the scaled simulated time, is the silo's overhead metric.
/// </summary>
[PreferLocalPlacement]
[Immovable]
public sealed class LiveConversationGrain(LiveSilo live) : Grain, ILiveConversationGrain
{
    private ConversationState? _state;
    private IGrainTimer? _timer;
    private long _dueMicros;
    private bool _ending;

    /// <inheritdoc />
    public Task StartAsync(ConversationSpec spec)
    {
        if (_state is not null)
        {
            return Task.CompletedTask;
        }

        var run = live.Run ?? throw new InvalidOperationException("This silo runs no real-time scenario.");
        if (!run.TryResolve(spec, out var choices, out var problems))
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(spec));
        }

        _state = run.Start(this.GetPrimaryKeyLong(), choices);
        _dueMicros = _state.NextTurnAt;
        _timer = this.RegisterGrainTimer(OnDueAsync, new GrainTimerCreationOptions(Clamp(run.WallUntil(_dueMicros)), Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return Task.CompletedTask;
    }

    private Task OnDueAsync(CancellationToken cancellation)
    {
        var run = live.Run!;
        var c = _state!;
        var late = -run.WallUntil(_dueMicros);
        if (late < TimeSpan.Zero)
        {
            // Timers count whole milliseconds and may fire a little early: wait out the rest, never play a step before its time.
            _timer!.Change(Clamp(-late), Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        }

        live.Metrics.Overhead(late.TotalSeconds);
        if (_ending)
        {
            Finish(run, c);
            return Task.CompletedTask;
        }

        var (ended, latency) = run.Play(c);
        run.Conversations.Turned(c.Id, c.Turns, c.Channel);
        if (c.HandedOver)
        {
            run.Conversations.Queued(c.Id, run.QueueOf(c));
            Stop();
        }
        else if (ended)
        {
            // The customer hears the last answer after the turn's latency; the conversation ends then.
            _ending = true;
            _dueMicros += latency;
            _timer!.Change(Clamp(run.WallUntil(_dueMicros)), Timeout.InfiniteTimeSpan);
        }
        else
        {
            _dueMicros = c.NextTurnAt;
            _timer!.Change(Clamp(run.WallUntil(_dueMicros)), Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    private void Finish(LiveRun run, ConversationState c)
    {
        run.Conversations.Ended(c.Id, c.Outcome!.Value, _dueMicros);
        Stop();
    }

    private void Stop()
    {
        _timer?.Dispose();
        _timer = null;
        DeactivateOnIdle();
    }

    // Rounded up to the timer's millisecond, so a step is not woken before its time.
    private static TimeSpan Clamp(TimeSpan wait) => wait <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
}
