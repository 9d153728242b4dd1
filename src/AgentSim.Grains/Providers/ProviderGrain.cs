using AgentSim.Model.Engine;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Providers;
using Orleans.Placement;

namespace AgentSim.Grains.Providers;

/// <summary>Thin shell over a <see cref="ProviderRuntime"/>: random outages and quota throttling per epoch.</summary>
[PreferLocalPlacement]
public sealed class ProviderGrain(WorldCache worlds) : Grain, IProviderGrain
{
    private ProviderState? _state;

    /// <inheritdoc />
    public Task StartAsync(RunRequest request)
    {
        var key = this.GetPrimaryKeyString();
        if (_state is not null)
        {
            RunScope.EnsureSame(key, _state.Request, request);
            return Task.CompletedTask;
        }

        var name = RunScope.PartOf(key, request);
        var world = worlds.Get(request);
        var provider = world.Providers.FirstOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"The scenario has no provider named '{name}'.", nameof(request));
        _state = new ProviderState(request, SharedState.CreateProvider(world, provider));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ProviderEpochState> BeginEpochAsync(long epochStart)
    {
        var state = RunScope.Started(_state, this.GetPrimaryKeyString());
        if (state.LastBegin is { } last && last.Start == epochStart)
        {
            return Task.FromResult(last.State);
        }

        var answer = new ProviderEpochState(state.Runtime.DownDuring(epochStart), state.Runtime.Throttle);
        state.LastBegin = (epochStart, answer);
        return Task.FromResult(answer);
    }

    /// <inheritdoc />
    public Task CloseEpochAsync(long requests)
    {
        RunScope.Started(_state, this.GetPrimaryKeyString()).Runtime.CloseEpoch(requests);
        return Task.CompletedTask;
    }
}
