using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Model.Providers;
using Orleans.Placement;

namespace AgentSim.Grains.Providers;

/// <summary>Thin shell over a <see cref="ProviderRuntime"/>: random outages, and quota utilisation, latency stretch and throttling per epoch.</summary>
[PreferLocalPlacement]
public sealed class ProviderGrain(WorldCache worlds) : RunScopedGrain<ProviderRuntime, ProviderEpochState>(worlds), IProviderGrain
{
    /// <inheritdoc />
    public Task<ProviderEpochState> BeginEpochAsync(long epochStart) =>
        Task.FromResult(State.BeginOnce(epochStart, r => new ProviderEpochState(r.DownDuring(epochStart), r.Throttle, r.LatencyFactor, r.Utilisation)));

    /// <inheritdoc />
    public Task CloseEpochAsync(long requests)
    {
        State.Model.CloseEpoch(requests);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override ProviderRuntime Create(World world, string name) =>
        SharedState.CreateProvider(world, world.Providers.FirstOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"The scenario has no provider named '{name}'.", nameof(name)));
}
