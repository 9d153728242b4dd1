using System.Diagnostics;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Checkpoints;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using Microsoft.Extensions.Logging;

namespace AgentSim.Grains.Coordinator;

/// <summary>
/// Runs a run one epoch at a time: the Model's <see cref="EpochLoop"/> (the protocol <see cref="PlainLoopEngine"/> runs too)
/// over the run's grains (<see cref="GrainEpochSteps"/>), keeping every epoch's snapshot for replays. On a cluster that
/// shares a store it checkpoints the run: its request when it starts and each epoch once it has closed
/// (<see cref="RunCheckpoints"/>). A step that fails (a grain's silo was lost) leaves the coordinator to rebuild itself from
/// the checkpoints at the next call, and a coordinator re-activated after its own silo was lost does the same; the grains
/// lost catch up from the same checkpoints, and the grains that survived answer a repeated epoch as they did the first
/// time, so the retried epoch, and the run's results, are exactly those of a run without the loss. When it is
/// deactivated, its silo forgets the run's world.
/// </summary>
public sealed class RunCoordinatorGrain(WorldCache worlds, ISimulationObserverFactory observers, RunCheckpoints checkpoints, ILogger<RunCoordinatorGrain> logger)
    : Grain, IRunCoordinatorGrain
{
    /// <summary>Checkpoint writes in flight at most, beyond which the run waits for the oldest.</summary>
    public const int CheckpointWindow = 16;

    private RunCoordinatorState? _state;
    private readonly Queue<Task> _pendingCheckpoints = new();

    /// <inheritdoc />
    public async Task StartAsync(RunRequest request)
    {
        var key = this.GetPrimaryKeyString();
        GrainKeys.ValidateRunId(request.RunId);
        if (!string.Equals(key, request.RunId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Coordinator '{key}' cannot run '{request.RunId}'.", nameof(request));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(request.Conversations, nameof(request));
        if (_state is not null)
        {
            RunScope.EnsureSame(key, _state.Request, request);
            return;
        }

        if (checkpoints.Enabled && await checkpoints.SaveRequestAsync(request) is { } saved)
        {
            // The run was started before, by this coordinator's lost activation (or a retried start): carry on from its checkpoints.
            RunScope.EnsureSame(key, saved, request);
            _state = await RecoverAsync(saved);
            return;
        }

        var world = worlds.Get(request);
        var state = new RunCoordinatorState(request, world, observers.Create(world), GrainFactory);
        await state.Steps.StartAsync(request);
        _state = state;
    }

    /// <inheritdoc />
    public async Task<StepResult> StepAsync()
    {
        var state = await StateAsync();
        try
        {
            if (await state.Loop.StepAsync() && checkpoints.Enabled && state.Steps.Completed is { } completed)
            {
                // Checkpoints are written while the next epochs run (at most CheckpointWindow in flight, sent in epoch order
                // on one connection, each refused unless it follows the last): the run does not wait for Redis at every
                // epoch. Should this coordinator be lost before a write lands, its successor runs again from the last
                // checkpoint that did, and grains already past it are rebuilt from the checkpoints.
                _pendingCheckpoints.Enqueue(checkpoints.AppendAsync(state.Request.RunId, completed));
                while (_pendingCheckpoints.Count > CheckpointWindow || (_pendingCheckpoints.TryPeek(out var oldest) && oldest.IsCompleted))
                {
                    await _pendingCheckpoints.Dequeue();
                }
            }

            if (state.Loop.Done)
            {
                // The whole run is checkpointed before it is reported done (its totals may have to be rebuilt from it).
                while (_pendingCheckpoints.TryDequeue(out var pending))
                {
                    await pending;
                }
            }
        }
        catch when (checkpoints.Enabled)
        {
            // The loop may have taken part of the epoch in; the next call rebuilds it from the checkpoints and runs the
            // epoch again. Writes still in flight are left to finish or fail: the log refuses any that does not follow it.
            _state = null;
            while (_pendingCheckpoints.TryDequeue(out var abandoned))
            {
                _ = abandoned.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            }

            throw;
        }

        return state.Progress();
    }

    /// <inheritdoc />
    public async Task<TallyResult> GetTallyAsync()
    {
        var state = await StateAsync();
        var shards = await Task.WhenAll(state.Steps.Shards.Select(s => s.GetTallyAsync(state.Loop.Epoch)));
        return new TallyResult(state.Loop.Totals(shards).Values, state.Loop.Epoch);
    }

    /// <inheritdoc />
    public async Task<StepResult> GetProgressAsync() => (await StateAsync()).Progress();

    /// <inheritdoc />
    public async Task<RunRequest> GetRequestAsync() => (await StateAsync()).Request;

    /// <inheritdoc />
    public async Task<SnapshotMessage[]> GetSnapshotsAsync(int fromEpoch, int count)
    {
        var state = await StateAsync();
        if (fromEpoch < state.HistoryStart)
        {
            throw new InvalidOperationException($"Epoch {fromEpoch} is older than the {RunCoordinatorState.HistoryLimit} epochs kept for replays.");
        }

        var start = fromEpoch - state.HistoryStart;
        var take = Math.Max(0, Math.Min(count, state.History.Count - start));
        return state.History.GetRange(Math.Min(start, state.History.Count), take).ToArray();
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_state is { } state)
        {
            worlds.Forget(state.Request);
        }

        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    // The started state, rebuilt from the run's checkpoints when this activation has none (it replaced a lost one, or its
    // last step failed part-way).
    private async Task<RunCoordinatorState> StateAsync()
    {
        if (_state is { } state)
        {
            return state;
        }

        var key = this.GetPrimaryKeyString();
        if (checkpoints.Enabled && await checkpoints.LoadRequestAsync(key) is { } request)
        {
            _state = await RecoverAsync(request);
            return _state;
        }

        return RunScope.Started(_state, key);
    }

    private async Task<RunCoordinatorState> RecoverAsync(RunRequest request)
    {
        var clock = Stopwatch.StartNew();
        var epochs = await checkpoints.CountAsync(request.RunId);
        var world = worlds.Get(request);
        var state = new RunCoordinatorState(request, world, observers.Create(world), GrainFactory);
        await state.ReplayAsync(await checkpoints.LoadAsync(request.RunId, epochs));
        logger.LogWarning(
            "Run {RunId}: coordinator recovered from its checkpoints, {Epochs} epochs replayed in {Milliseconds} ms",
            request.RunId,
            epochs,
            clock.ElapsedMilliseconds);
        return state;
    }
}
