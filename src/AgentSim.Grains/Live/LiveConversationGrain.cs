using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Cluster;
using AgentSim.Model;
using AgentSim.Model.Conversations;
using Orleans.Placement;

namespace AgentSim.Grains.Live;

/// <summary>
/// A real-time conversation: an activation for as long as the customer talks to the AI agent. A grain timer wakes it
/// at each turn's scaled simulated time; the turn is the model's own step against the clock's current snapshot; then it
/// waits the turn's latency and think time, or ends, or hands the customer to a human queue (which then owns the
/// outcome) and deactivates. How late each wake-up is, beyond the scaled simulated time, is the silo's overhead metric.
/// With a shared ledger it writes its checkpoint after its start and after every step, so a survivor can resume it
/// (<see cref="ResumeAsync"/>) when this silo is lost; a checkpoint the ledger refuses means another silo owns the
/// conversation now (this one was declared dead) or it has ended: it then stops without recording anything.
/// </summary>
[PreferLocalPlacement]
[Immovable]
public sealed class LiveConversationGrain(LiveSilo live, TimeProvider time) : Grain, ILiveConversationGrain
{
    private ConversationState? _state;
    private ConversationSpec? _spec;
    private IGrainTimer? _timer;
    private long _dueMicros;
    private bool _ending;

    /// <inheritdoc />
    public async Task StartAsync(ConversationSpec spec)
    {
        if (_state is not null)
        {
            return;
        }

        var run = live.Run ?? throw new InvalidOperationException("This silo runs no real-time scenario.");
        if (!run.TryResolve(spec, out var choices, out var problems))
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(spec));
        }

        _spec = spec;
        _state = run.Start(this.GetPrimaryKeyLong(), choices);
        _dueMicros = _state.NextTurnAt;
        if (await CheckpointAsync(run, _state))
        {
            Schedule(run);
        }
    }

    /// <inheritdoc />
    public async Task<LiveResume> ResumeAsync(byte[] checkpoint)
    {
        if (_state is not null)
        {
            return new LiveResume(true);
        }

        if (live.Run is not { } run)
        {
            return new LiveResume(false, Reason: "no-scenario");
        }

        if (!ConversationCheckpoint.TryRead(checkpoint, run, out var saved, out _))
        {
            return new LiveResume(false, Reason: "unreadable-checkpoint");
        }

        var c = saved!.State;
        var id = c.Id;

        // Held here already: an activation Orleans deactivated under it, activated again (not a conversation new to this silo).
        var again = run.Conversations.Holds(id);
        if (c.HandedOver)
        {
            // The lost silo's queue is gone with it: the customer joins the back of this silo's same queue.
            var queue = run.QueueOf(c);
            if (!run.Conversations.TryAdopt(id, run.NowMicros, c.Channel, c.Turns, queue))
            {
                return new LiveResume(false, Reason: "admission-limit");
            }

            if (!run.Requeue(id, queue, c.Channel, c.Customer.Tier))
            {
                run.Conversations.Forget(id);
                return new LiveResume(false, Reason: "no-such-queue");
            }

            if (!again)
            {
                run.Resumed(c);
            }

            DeactivateOnIdle();
            return new LiveResume(true, Requeued: true);
        }

        // The next step keeps its wall-clock time: on this silo's clock it is now plus what was left of the wait.
        var left = TimeSpan.FromTicks(Math.Max(0, (saved.DueUnixMicros * 10) - (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks));
        var due = run.NowMicros + (long)(left.TotalSeconds * run.TimeScale * 1e6);
        if (!run.Conversations.TryAdopt(id, run.NowMicros, c.Channel, c.Turns, null))
        {
            return new LiveResume(false, Reason: "admission-limit");
        }

        if (!again)
        {
            run.Resumed(c);
        }

        _spec = saved.Spec;
        _state = c;
        _ending = saved.Ending;
        _dueMicros = due;
        if (!_ending)
        {
            c.NextTurnAt = due;
        }

        if (await CheckpointAsync(run, c))
        {
            Schedule(run);
        }

        return new LiveResume(true);
    }

    private async Task OnDueAsync(CancellationToken cancellation)
    {
        var run = live.Run!;
        var c = _state!;
        var late = -run.WallUntil(_dueMicros);
        if (late < TimeSpan.Zero)
        {
            // Timers count whole milliseconds and may fire a little early: wait out the rest, never play a step before its time.
            _timer!.Change(Clamp(-late), Timeout.InfiniteTimeSpan);
            return;
        }

        live.Metrics.Overhead(late.TotalSeconds);
        if (_ending)
        {
            run.Conversations.Ended(c.Id, c.Outcome!.Value, _dueMicros);
            Stop();
            return;
        }

        var (ended, latency) = run.Play(c);
        run.Conversations.Turned(c.Id, c.Turns, c.Channel);
        if (c.HandedOver)
        {
            run.Conversations.Queued(c.Id, run.QueueOf(c));
            await CheckpointAsync(run, c);
            Stop();
            return;
        }

        if (ended)
        {
            // The customer hears the last answer after the turn's latency; the conversation ends then.
            _ending = true;
            _dueMicros += latency;
        }
        else
        {
            _dueMicros = c.NextTurnAt;
        }

        if (await CheckpointAsync(run, c))
        {
            _timer!.Change(Clamp(run.WallUntil(_dueMicros)), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// A conversation deactivated by Orleans while it runs — its grain directory partition was on a lost silo, and Orleans
    /// deactivates such activations — would be lost with its activation: its checkpoint is handed to the silo, which
    /// activates it again at once (<see cref="ResumeAsync"/>). When the silo is shutting down, survivors take it over instead.
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_timer is not null && _state is { } c && live.Run is { } run && reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            _timer.Dispose();
            _timer = null;
            live.Orphaned(c.Id, Checkpoint(run, c).ToBytes());
        }

        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    // Writes the checkpoint (with a shared ledger); false when the ledger refused it because another silo owns the
    // conversation now or it has ended: this activation then stops and records nothing more. A store that cannot be
    // reached is not a refusal: the conversation plays on, and a survivor would resume it from an older checkpoint.
    private async Task<bool> CheckpointAsync(LiveRun run, ConversationState c)
    {
        if (live.Ledger is not { Shared: true } ledger)
        {
            return true;
        }

        var start = time.GetTimestamp();
        LedgerWrite written;
        try
        {
            var bytes = Checkpoint(run, c).ToBytes();
            written = await ledger.CheckpointAsync(c.Id, bytes, c.Turns, c.Channel.Name(), c.HandedOver ? run.QueueOf(c) : null);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            return true;
        }

        live.Metrics.Checkpoint(time.GetElapsedTime(start).TotalSeconds);
        if (written is LedgerWrite.Stale or LedgerWrite.Duplicate)
        {
            run.Conversations.Forget(c.Id);
            Stop();
            return false;
        }

        return true;
    }

    private ConversationCheckpoint Checkpoint(LiveRun run, ConversationState c) => new()
    {
        Id = c.Id,
        Spec = _spec!,
        World = ConversationCheckpoint.WorldOf(run.World),
        State = c,
        DueUnixMicros = (time.GetUtcNow() + run.WallUntil(_dueMicros) - DateTimeOffset.UnixEpoch).Ticks / 10,
        Ending = _ending,
    };

    private void Schedule(LiveRun run) =>
        _timer = this.RegisterGrainTimer(OnDueAsync, new GrainTimerCreationOptions(Clamp(run.WallUntil(_dueMicros)), Timeout.InfiniteTimeSpan) { KeepAlive = true });

    private void Stop()
    {
        _timer?.Dispose();
        _timer = null;
        DeactivateOnIdle();
    }

    // Rounded up to the timer's millisecond, so a step is not woken before its time.
    private static TimeSpan Clamp(TimeSpan wait) => wait <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
}
