using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;

namespace AgentSim.Grains.Worlds;

/// <summary>
/// Base of the grains keyed <c>{runId}/{name}</c> that own one entity's shared state for a run (agent, provider,
/// guardrail layer): started once with the run request, refusing a different one, and failing loudly when used
/// before being started (or after losing its activation).
/// </summary>
/// <typeparam name="TModel">The Model object holding the entity's shared state.</typeparam>
/// <typeparam name="TAnswer">What the grain answers at the start of an epoch.</typeparam>
public abstract class RunScopedGrain<TModel, TAnswer>(WorldCache worlds) : Grain
{
    private RunScopedState<TModel, TAnswer>? _state;

    /// <summary>The state of the started grain.</summary>
    protected RunScopedState<TModel, TAnswer> State => RunScope.Started(_state, this.GetPrimaryKeyString());

    /// <summary>Binds the grain to its run: compiles (or reuses) the run's world and creates the Model object for this entity.</summary>
    public Task StartAsync(RunRequest request)
    {
        var key = this.GetPrimaryKeyString();
        if (_state is not null)
        {
            RunScope.EnsureSame(key, _state.Request, request);
            return Task.CompletedTask;
        }

        var name = RunScope.PartOf(key, request);
        _state = new RunScopedState<TModel, TAnswer>(request, Create(worlds.Get(request), name));
        return Task.CompletedTask;
    }

    /// <summary>Creates the Model object of the entity named <paramref name="name"/>; throws <see cref="ArgumentException"/> when the world has none.</summary>
    protected abstract TModel Create(World world, string name);
}
