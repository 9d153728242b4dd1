using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Agents;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using Orleans.Placement;

namespace AgentSim.Grains.Agents;

/// <summary>Thin shell over an <see cref="AgentRuntime"/>: governance decisions and the capacity queue at epoch boundaries.</summary>
[PreferLocalPlacement]
public sealed class AgentGrain(WorldCache worlds) : RunScopedGrain<AgentRuntime, AgentEpochState>(worlds), IAgentGrain
{
    /// <inheritdoc />
    public Task<AgentEpochState> BeginEpochAsync(long epochStart) =>
        Task.FromResult(State.BeginOnce(epochStart, r =>
        {
            var q = r.Capacity.Queueing;
            return new AgentEpochState(r.Governor.RolledBackAt(epochStart), q.WaitProbability, q.MeanWaitSeconds, q.BacklogSeconds, q.Busy, q.Utilisation);
        }));

    /// <inheritdoc />
    public Task<RollbackReason?> CloseEpochAsync(long epochEnd, long[] incidents, long[] failures, long answers, long answerMicros)
    {
        State.Model.Capacity.CloseEpoch(answers, answerMicros);
        return Task.FromResult(State.Model.Governor.CloseEpoch(epochEnd, incidents, failures));
    }

    /// <inheritdoc />
    protected override AgentRuntime Create(World world, string name)
    {
        var agent = world.Agents.FirstOrDefault(a => a.Name == name)
            ?? throw new ArgumentException($"The scenario has no agent named '{name}'.", nameof(name));
        return new AgentRuntime(SharedState.CreateGovernor(world, agent), SharedState.CreateCapacity(world, agent));
    }
}
