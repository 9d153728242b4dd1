using System.Diagnostics;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Checkpoints;
using AgentSim.Model.Engine;
using Microsoft.Extensions.Logging;

namespace AgentSim.Grains.Worlds;

/// <summary>
/// Base of the grains keyed <c>{runId}/{name}</c> that own one entity's shared state for a run (agent, provider,
/// guardrail layer): started once with the run request, refusing a different one, and failing loudly when used
/// before being started (or after losing its activation) — unless the run is checkpointed, in which case an activation
/// asked for an epoch it has not reached (it replaced one lost with its silo) first takes in the checkpointed epochs
/// before it, exactly as the lost one did.
/// </summary>
/// <typeparam name="TModel">The Model object holding the entity's shared state.</typeparam>
/// <typeparam name="TAnswer">What the grain answers at the start of an epoch.</typeparam>
public abstract class RunScopedGrain<TModel, TAnswer>(WorldCache worlds, RunCheckpoints checkpoints, ILogger logger) : Grain
{
    private RunScopedState<TModel, TAnswer>? _state;

    /// <summary>Binds the grain to its run: compiles (or reuses) the run's world and creates the Model object for this entity.</summary>
    public Task StartAsync(RunRequest request)
    {
        var key = this.GetPrimaryKeyString();
        if (_state is not null)
        {
            RunScope.EnsureSame(key, _state.Request, request);
            return Task.CompletedTask;
        }

        _state = Create(key, request);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The state ready for the begin of the epoch starting at <paramref name="micros"/> (with <paramref name="end"/>, for
    /// the close of the epoch ending there). On a checkpointed run a state that cannot take it is rebuilt from the run's
    /// checkpoints: caught up when it is behind (this activation replaced a lost one), replayed from the start when it is
    /// past it (the run's coordinator lost its last checkpoint and runs an epoch again).
    /// </summary>
    protected async Task<RunScopedState<TModel, TAnswer>> StateAtAsync(long micros, bool end = false)
    {
        var key = this.GetPrimaryKeyString();
        if (!checkpoints.Enabled)
        {
            return RunScope.Started(_state, key);
        }

        var state = _state;
        if (state is not null && state.CanTake(state.EpochAt(micros, end), end))
        {
            return state;
        }

        var clock = Stopwatch.StartNew();
        var (runId, _) = GrainKeys.Split(key);
        var request = state?.Request ?? RunScope.Started(await checkpoints.LoadRequestAsync(runId), key);
        if (state is null || state.NextEpoch > state.EpochAt(micros, end))
        {
            state = Create(key, request);
        }

        var from = state.NextEpoch;
        var epoch = state.EpochAt(micros, end);
        foreach (var checkpoint in await checkpoints.LoadAsync(runId, epoch, from))
        {
            Replay(state, checkpoint);
        }

        _state = state;
        logger.LogWarning(
            "Grain {Grain}: caught up from the run's checkpoints, epochs {From} to {To} replayed in {Milliseconds} ms",
            key,
            from,
            epoch - 1,
            clock.ElapsedMilliseconds);
        return state;
    }

    /// <summary>True when the run is checkpointed: a close then begins its epoch first if this activation has not (it replaced a lost one).</summary>
    protected bool Checkpointed => checkpoints.Enabled;

    /// <summary>The entity's name: the part of the grain's key after the run id.</summary>
    protected string EntityName => GrainKeys.Split(this.GetPrimaryKeyString()).Part;

    /// <summary>Throws when a replayed epoch's answer differs from the one the lost activation gave: the replay would not be exact.</summary>
    protected void EnsureReplayed<T>(T replayed, T recorded, int epoch, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(replayed, recorded))
        {
            throw new InvalidOperationException($"Grain '{this.GetPrimaryKeyString()}' replayed epoch {epoch} to {what} {replayed}, not {recorded} as checkpointed.");
        }
    }

    /// <summary>Creates the Model object of the entity named <paramref name="name"/>; throws <see cref="ArgumentException"/> when the world has none.</summary>
    protected abstract TModel Create(World world, string name);

    /// <summary>Takes in one checkpointed epoch as the grain did when it ran: its begin and, where the grain has one, its close.</summary>
    protected abstract void Replay(RunScopedState<TModel, TAnswer> state, EpochCheckpoint checkpoint);

    private RunScopedState<TModel, TAnswer> Create(string key, RunRequest request)
    {
        var name = RunScope.PartOf(key, request);
        var world = worlds.Get(request);
        return new RunScopedState<TModel, TAnswer>(request, world, Create(world, name));
    }
}
