using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;

namespace AgentSim.Grains.Coordinator;

/// <summary>
/// Runs a run one epoch at a time: the Model's <see cref="EpochLoop"/> (the protocol <see cref="PlainLoopEngine"/> runs too)
/// over the run's grains (<see cref="GrainEpochSteps"/>), keeping every epoch's snapshot for replays. When it is
/// deactivated, its silo forgets the run's world: without the coordinator the run can neither go on nor be replayed.
/// </summary>
public sealed class RunCoordinatorGrain(WorldCache worlds, ISimulationObserverFactory observers) : Grain, IRunCoordinatorGrain
{
    private RunCoordinatorState? _state;

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

        var world = worlds.Get(request);
        var state = new RunCoordinatorState(request, world, observers.Create(world), GrainFactory);
        await state.Steps.StartAsync(request);
        _state = state;
    }

    /// <inheritdoc />
    public async Task<StepResult> StepAsync()
    {
        var state = RunScope.Started(_state, this.GetPrimaryKeyString());
        await state.Loop.StepAsync();
        return state.Progress();
    }

    /// <inheritdoc />
    public async Task<TallyResult> GetTallyAsync()
    {
        var state = RunScope.Started(_state, this.GetPrimaryKeyString());
        var shards = await Task.WhenAll(state.Steps.Shards.Select(s => s.GetTallyAsync()));
        return new TallyResult(state.Loop.Totals(shards).Values, state.Loop.Epoch);
    }

    /// <inheritdoc />
    public Task<StepResult> GetProgressAsync() => Task.FromResult(RunScope.Started(_state, this.GetPrimaryKeyString()).Progress());

    /// <inheritdoc />
    public Task<RunRequest> GetRequestAsync() => Task.FromResult(RunScope.Started(_state, this.GetPrimaryKeyString()).Request);

    /// <inheritdoc />
    public Task<SnapshotMessage[]> GetSnapshotsAsync(int fromEpoch, int count)
    {
        var state = RunScope.Started(_state, this.GetPrimaryKeyString());
        if (fromEpoch < state.HistoryStart)
        {
            throw new InvalidOperationException($"Epoch {fromEpoch} is older than the {RunCoordinatorState.HistoryLimit} epochs kept for replays.");
        }

        var start = fromEpoch - state.HistoryStart;
        var take = Math.Max(0, Math.Min(count, state.History.Count - start));
        return Task.FromResult(state.History.GetRange(Math.Min(start, state.History.Count), take).ToArray());
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
}
