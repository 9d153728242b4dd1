using AgentSim.Abstractions.Grains;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Model.Providers;
using Orleans.Placement;

namespace AgentSim.Grains.Guardrails;

/// <summary>Thin shell over a guardrail layer's <see cref="OutageProcess"/>.</summary>
[PreferLocalPlacement]
public sealed class GuardrailLayerGrain(WorldCache worlds) : RunScopedGrain<OutageProcess, bool>(worlds), IGuardrailLayerGrain
{
    /// <inheritdoc />
    public Task<bool> BeginEpochAsync(long epochStart) =>
        Task.FromResult(State.BeginOnce(epochStart, o => o.DownDuring(epochStart)));

    /// <inheritdoc />
    protected override OutageProcess Create(World world, string name) =>
        SharedState.CreateGuardrailOutage(world, world.Guardrails.FirstOrDefault(g => g.Name == name)
            ?? throw new ArgumentException($"The scenario has no guardrail layer named '{name}'.", nameof(name)));
}
