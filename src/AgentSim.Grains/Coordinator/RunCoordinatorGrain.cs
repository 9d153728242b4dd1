using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;

namespace AgentSim.Grains.Coordinator;

/// <summary>
/// Runs a run one epoch at a time, mirroring <see cref="PlainLoopEngine"/>: snapshot from the agent, provider and guardrail
/// grains, every shard in parallel, merge, close the epoch on agents and providers. A handful of calls per epoch.
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
        await Task.WhenAll(
            state.Agents.Select(g => g.StartAsync(request))
                .Concat(state.Providers.Select(g => g.StartAsync(request)))
                .Concat(state.Layers.Select(g => g.StartAsync(request)))
                .Concat(state.Shards.Select(g => g.StartAsync(request))));
        _state = state;
    }

    /// <inheritdoc />
    public async Task<StepResult> StepAsync()
    {
        var state = RunScope.Started(_state, this.GetPrimaryKeyString());
        if (state.Done)
        {
            return state.Progress();
        }

        var world = state.World;
        var snapshot = await SnapshotAsync(state);
        var count = ArrivalSchedule.CountFor(world, state.Epoch, state.Remaining);
        var message = SnapshotMessage.From(snapshot);
        state.History.Add(message);
        if (state.History.Count > RunCoordinatorState.HistoryLimit)
        {
            state.History.RemoveAt(0);
            state.HistoryStart++;
        }
        var first = state.NextId;
        var reports = await Task.WhenAll(state.Shards.Select(s => s.AdvanceAsync(message, first, count)));

        var merged = new EpochReport(world.Agents.Length, world.Providers.Length);
        foreach (var report in reports)
        {
            merged.Add(report.ToModel());
        }

        await CloseAsync(state, snapshot, merged);
        state.NextId += count;
        state.Remaining -= count;
        state.Started += merged.Started;
        state.Ended += merged.Ended;
        state.Epoch++;
        state.Done = state.Remaining <= 0 && merged.InFlight <= 0;
        return state.Progress();
    }

    /// <inheritdoc />
    public async Task<TallyResult> GetTallyAsync()
    {
        var state = RunScope.Started(_state, this.GetPrimaryKeyString());
        var tally = new RunTally(state.World);
        tally.Add(state.RollbackTally.Values);
        foreach (var values in await Task.WhenAll(state.Shards.Select(s => s.GetTallyAsync())))
        {
            tally.Add(values);
        }

        return new TallyResult(tally.Values, state.Epoch);
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

    private static async Task<EpochSnapshot> SnapshotAsync(RunCoordinatorState state)
    {
        var start = state.Epoch * state.World.EpochMicros;
        var agents = Task.WhenAll(state.Agents.Select(g => g.BeginEpochAsync(start)));
        var providers = Task.WhenAll(state.Providers.Select(g => g.BeginEpochAsync(start)));
        var layers = Task.WhenAll(state.Layers.Select(g => g.BeginEpochAsync(start)));
        await Task.WhenAll(agents, providers, layers);
        var snapshot = new EpochSnapshot
        {
            Epoch = state.Epoch,
            StartMicros = start,
            EndMicros = start + state.World.EpochMicros,
            AgentRolledBack = [.. agents.Result.Select(a => a.RolledBack)],
            HumanAccept = [.. agents.Result.Select(a => a.HumanAccept)],
            ProviderDown = [.. providers.Result.Select(p => p.Down)],
            ProviderThrottle = [.. providers.Result.Select(p => p.Throttle)],
            GuardrailDown = layers.Result,
        };
        for (var a = 0; a < snapshot.AgentRolledBack.Length; a++)
        {
            state.RollbackObserver.AgentState(a, snapshot.AgentRolledBack[a]);
        }

        return snapshot;
    }

    private static async Task CloseAsync(RunCoordinatorState state, EpochSnapshot snapshot, EpochReport merged)
    {
        var agents = Task.WhenAll(state.Agents.Select((g, a) =>
            g.CloseEpochAsync(snapshot.EndMicros, [.. merged.IncidentTimes[a]], [.. merged.FailureTimes[a]], merged.HumanDemand[a])));
        var providers = Task.WhenAll(state.Providers.Select((g, p) => g.CloseEpochAsync(merged.ProviderRequests[p])));
        await Task.WhenAll(agents, providers);
        for (var a = 0; a < state.Agents.Length; a++)
        {
            if (agents.Result[a] is { } reason)
            {
                state.RollbackObserver.AgentRollback(a, reason);
            }
        }
    }
}
