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
    private RunCoordinatorState? _state;
    private Task _pendingCheckpoint = Task.CompletedTask;

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
                // The last epoch's checkpoint is written while this one ran (one write in flight at most, in epoch order):
                // the run does not wait for Redis at every epoch. Should this coordinator be lost before a write lands,
                // its successor runs that epoch again, and any grain already past it is rebuilt from the checkpoints.
                await _pendingCheckpoint;
                _pendingCheckpoint = checkpoints.AppendAsync(state.Request.RunId, completed);
            }

            if (state.Loop.Done)
            {
                // The whole run is checkpointed before it is reported done (its totals may have to be rebuilt from it).
                await _pendingCheckpoint;
            }
        }
        catch when (checkpoints.Enabled)
        {
            // The loop may have taken part of the epoch in; the next call rebuilds it from the checkpoints and runs the epoch again.
            _state = null;
            _pendingCheckpoint = Task.CompletedTask;
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
