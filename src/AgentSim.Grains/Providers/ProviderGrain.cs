using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Checkpoints;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Model.Providers;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace AgentSim.Grains.Providers;

/// <summary>Thin shell over a <see cref="ProviderRuntime"/>: random outages, and quota utilisation, latency stretch and throttling per epoch.</summary>
[PreferLocalPlacement]
public sealed class ProviderGrain(WorldCache worlds, RunCheckpoints checkpoints, ILogger<ProviderGrain> logger)
    : RunScopedGrain<ProviderRuntime, ProviderEpochState>(worlds, checkpoints, logger), IProviderGrain
{
    /// <inheritdoc />
    public async Task<ProviderEpochState> BeginEpochAsync(long epochStart) => Begin(await StateAtAsync(epochStart), epochStart);

    /// <inheritdoc />
    public async Task CloseEpochAsync(long epochEnd, long requests)
    {
        var state = await StateAtAsync(epochEnd, end: true);
        if (Checkpointed && state.NextEpoch == state.EpochAt(epochEnd, end: true))
        {
            // A close that will run (not a repeat) follows its epoch's begin, here too when this activation has not had it.
            Begin(state, epochEnd - state.World.EpochMicros);
        }

        Close(state, epochEnd, requests);
    }

    /// <inheritdoc />
    protected override ProviderRuntime Create(World world, string name) =>
        SharedState.CreateProvider(world, world.Providers.FirstOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"The scenario has no provider named '{name}'.", nameof(name)));

    /// <inheritdoc />
    protected override void Replay(RunScopedState<ProviderRuntime, ProviderEpochState> state, EpochCheckpoint checkpoint)
    {
        var p = Array.FindIndex(state.World.Providers, x => x.Name == EntityName);
        var snapshot = checkpoint.Snapshot;
        var begun = Begin(state, snapshot.StartMicros);
        EnsureReplayed(begun.Down, snapshot.ProviderDown[p], checkpoint.Epoch, "be down");
        EnsureReplayed(begun.Throttle, snapshot.ProviderThrottle[p], checkpoint.Epoch, "throttle");
        Close(state, snapshot.EndMicros, checkpoint.Merged.ProviderRequests[p]);
    }

    private static ProviderEpochState Begin(RunScopedState<ProviderRuntime, ProviderEpochState> state, long epochStart) =>
        state.BeginOnce(epochStart, r => new ProviderEpochState(r.DownDuring(epochStart), r.Throttle, r.LatencyFactor, r.Utilisation));

    private static void Close(RunScopedState<ProviderRuntime, ProviderEpochState> state, long epochEnd, long requests) =>
        state.CloseOnce(epochEnd, r =>
        {
            r.CloseEpoch(requests);
            return true;
        });
}
