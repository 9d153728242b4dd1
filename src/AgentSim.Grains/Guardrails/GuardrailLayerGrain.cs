using AgentSim.Abstractions.Grains;
using AgentSim.Grains.Checkpoints;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Model.Providers;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace AgentSim.Grains.Guardrails;

/// <summary>Thin shell over a guardrail layer's <see cref="OutageProcess"/>.</summary>
[PreferLocalPlacement]
public sealed class GuardrailLayerGrain(WorldCache worlds, RunCheckpoints checkpoints, ILogger<GuardrailLayerGrain> logger)
    : RunScopedGrain<OutageProcess, bool>(worlds, checkpoints, logger), IGuardrailLayerGrain
{
    /// <inheritdoc />
    public async Task<bool> BeginEpochAsync(long epochStart) => Begin(await StateAtAsync(epochStart), epochStart);

    /// <inheritdoc />
    protected override OutageProcess Create(World world, string name) =>
        SharedState.CreateGuardrailOutage(world, world.Guardrails.FirstOrDefault(g => g.Name == name)
            ?? throw new ArgumentException($"The scenario has no guardrail layer named '{name}'.", nameof(name)));

    /// <inheritdoc />
    protected override void Replay(RunScopedState<OutageProcess, bool> state, EpochCheckpoint checkpoint)
    {
        var g = Array.FindIndex(state.World.Guardrails, x => x.Name == EntityName);
        EnsureReplayed(Begin(state, checkpoint.Snapshot.StartMicros), checkpoint.Snapshot.GuardrailDown[g], checkpoint.Epoch, "be down");
    }

    // A layer has nothing to close: its begin is all an epoch does to it.
    private static bool Begin(RunScopedState<OutageProcess, bool> state, long epochStart) =>
        state.BeginOnce(epochStart, o => o.DownDuring(epochStart), completesEpoch: true);
}
