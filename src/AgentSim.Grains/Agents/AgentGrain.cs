using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Agents;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using Orleans.Placement;

namespace AgentSim.Grains.Agents;

/// <summary>Thin shell over an <see cref="AgentGovernor"/>: governance decisions at epoch boundaries.</summary>
[PreferLocalPlacement]
public sealed class AgentGrain(WorldCache worlds) : RunScopedGrain<AgentGovernor, AgentEpochState>(worlds), IAgentGrain
{
    /// <inheritdoc />
    public Task<AgentEpochState> BeginEpochAsync(long epochStart) =>
        Task.FromResult(State.BeginOnce(epochStart, g => new AgentEpochState(g.RolledBackAt(epochStart))));

    /// <inheritdoc />
    public Task<RollbackReason?> CloseEpochAsync(long epochEnd, long[] incidents, long[] failures) =>
        Task.FromResult(State.Model.CloseEpoch(epochEnd, incidents, failures));

    /// <inheritdoc />
    protected override AgentGovernor Create(World world, string name) =>
        SharedState.CreateGovernor(world, world.Agents.FirstOrDefault(a => a.Name == name)
            ?? throw new ArgumentException($"The scenario has no agent named '{name}'.", nameof(name)));
}
