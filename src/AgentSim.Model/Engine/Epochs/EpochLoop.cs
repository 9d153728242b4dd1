using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Queues;
using AgentSim.Model.Tallies;

namespace AgentSim.Model.Engine;

/// <summary>
/// The epoch protocol every engine runs, over whichever <see cref="IEpochSteps"/> it brings: number the epoch, read the
/// shared state, tell the agents' state to the observers, count the epoch's arrivals, advance every shard, merge their
/// reports, close the epoch and record its rollbacks; then keep count of what remains, what is in flight and whether
/// the run is done. The coordinator's own decisions (agent states, rollbacks) go to <see cref="Tally"/>.
/// </summary>
public sealed class EpochLoop
{
    private readonly World _world;
    private readonly IEpochSteps _steps;
    private readonly ISimulationObserver _observer;
    private readonly Action<EpochSnapshot>? _snapshotTaken;
    private readonly HumanQueue[] _queues;

    /// <summary>
    /// Prepares a run of <paramref name="conversations"/> conversations; <paramref name="metrics"/>, when given, sees the
    /// coordinator's events, and <paramref name="snapshotTaken"/> every epoch's snapshot (for replays).
    /// </summary>
    public EpochLoop(World world, long conversations, IEpochSteps steps, ISimulationObserver? metrics = null, Action<EpochSnapshot>? snapshotTaken = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(conversations);
        _world = world;
        _steps = steps;
        _snapshotTaken = snapshotTaken;
        Target = conversations;
        Remaining = conversations;
        Tally = new RunTally(world.Labels);
        _observer = CompositeObserver.Of(Tally, metrics);
        _queues = [.. world.Queues.Select(q => new HumanQueue(q, world.Seed, world.TierNames))];
    }

    /// <summary>Agent states and rollbacks decided at epoch boundaries (the shards tally everything else).</summary>
    public RunTally Tally { get; }

    /// <summary>Conversations the run starts.</summary>
    public long Target { get; }

    /// <summary>The next epoch to run; after the run, the number of epochs it took.</summary>
    public int Epoch { get; private set; }

    /// <summary>Id of the next conversation to start.</summary>
    public long NextId { get; private set; }

    /// <summary>Conversations not yet started.</summary>
    public long Remaining { get; private set; }

    /// <summary>Conversations started so far.</summary>
    public long Started { get; private set; }

    /// <summary>Conversations ended so far.</summary>
    public long Ended { get; private set; }

    /// <summary>Conversations in flight at the end of the last epoch.</summary>
    public long InFlight { get; private set; }

    /// <summary>True once every conversation has started and ended (a run always takes at least one epoch).</summary>
    public bool Done { get; private set; }

    /// <summary>Where the run stands.</summary>
    public RunProgress Progress => new(Started, Ended, Target, Epoch * _world.EpochMicros / 1e6);

    /// <summary>Runs the next epoch; returns false, doing nothing, once the run is done.</summary>
    public async ValueTask<bool> StepAsync()
    {
        if (Done)
        {
            return false;
        }

        var snapshot = await _steps.BeginEpochAsync(EpochWindow.Of(_world, Epoch));
        _snapshotTaken?.Invoke(snapshot);
        for (var a = 0; a < snapshot.AgentRolledBack.Length; a++)
        {
            _observer.AgentState(a, snapshot.AgentRolledBack[a]);
            _observer.AgentLoad(a, snapshot.AgentQueues[a].Busy, snapshot.AgentQueues[a].Utilisation);
        }

        for (var p = 0; p < snapshot.ProviderUtilisation.Length; p++)
        {
            _observer.ProviderLoad(p, snapshot.ProviderUtilisation[p]);
        }

        var count = ArrivalSchedule.CountFor(_world, Epoch, Remaining);
        var reports = await _steps.AdvanceShardsAsync(snapshot, NextId, count);
        var merged = new EpochReport(_world.Agents.Length, _world.Providers.Length, _world.Queues.Length);
        foreach (var report in reports)
        {
            merged.Add(report);
        }

        var rollbacks = await _steps.CloseEpochAsync(snapshot, merged);
        for (var a = 0; a < rollbacks.Length; a++)
        {
            if (rollbacks[a] is { } reason)
            {
                _observer.AgentRollback(a, reason);
            }
        }

        var (queueEnded, waiting) = CloseQueues(merged, snapshot.EndMicros);
        NextId += count;
        Remaining -= count;
        Started += merged.Started;
        Ended += merged.Ended + queueEnded;
        InFlight = merged.InFlight + waiting;
        Epoch++;
        Done = Remaining <= 0 && InFlight <= 0;
        return true;
    }

    /// <summary>Human customers still waiting in a queue (they count as in flight).</summary>
    public long Waiting => _queues.Sum(q => (long)q.Waiting);

    /// <summary>Runs the next epoch and waits for it: no task is made when the steps complete synchronously, as in process.</summary>
    public bool Step()
    {
        var step = StepAsync();
        return step.IsCompletedSuccessfully ? step.Result : step.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The run's totals: <see cref="Tally"/>, the shards' tally vectors and the human queues' statistics.</summary>
    public RunTally Totals(IEnumerable<long[]> shardTallies)
    {
        ArgumentNullException.ThrowIfNull(shardTallies);
        var totals = new RunTally(_world.Labels);
        totals.Add(Tally.Values);
        foreach (var values in shardTallies)
        {
            totals.Add(values);
        }

        // The queues' statistics are kept by the queues themselves and written once, here (shards hold none).
        for (var q = 0; q < _queues.Length; q++)
        {
            _queues[q].Stats.WriteTo(totals.Queue(q));
        }

        return totals;
    }

    // The queues take the epoch's handovers (in any order; each sorts them by time, then id) and decide, exactly, who a
    // human answered (escalated) and who left (abandoned) by the epoch's end.
    private (long Ended, long Waiting) CloseQueues(EpochReport merged, long epochEnd)
    {
        long ended = 0, waiting = 0;
        for (var q = 0; q < _queues.Length; q++)
        {
            var decided = _queues[q].Advance(merged.Handovers[q], epochEnd);
            foreach (var answer in decided.Answered)
            {
                _observer.QueueAnswered(q, answer.WaitMicros);
                _observer.ConversationEnded(Outcome.Escalated, answer.Channel);
            }

            foreach (var left in decided.Abandoned)
            {
                _observer.QueueAbandoned(q, left.WaitMicros);
                _observer.ConversationEnded(Outcome.Abandoned, left.Channel);
                _observer.ConversationAbandoned(AbandonReason.Queue, left.Channel);
            }

            _observer.QueueState(q, _queues[q].Waiting, _queues[q].Busy);

            ended += decided.Answered.Count + decided.Abandoned.Count;
            waiting += _queues[q].Waiting;
        }

        return (ended, waiting);
    }
}
