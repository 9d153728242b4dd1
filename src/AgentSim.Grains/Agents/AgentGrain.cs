using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Checkpoints;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Agents;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace AgentSim.Grains.Agents;

/// <summary>Thin shell over an <see cref="AgentRuntime"/>: governance decisions and the capacity queue at epoch boundaries.</summary>
[PreferLocalPlacement]
public sealed class AgentGrain(WorldCache worlds, RunCheckpoints checkpoints, ILogger<AgentGrain> logger)
    : RunScopedGrain<AgentRuntime, AgentEpochState>(worlds, checkpoints, logger), IAgentGrain
{
    /// <inheritdoc />
    public async Task<AgentEpochState> BeginEpochAsync(long epochStart) => Begin(await StateAtAsync(epochStart), epochStart);

    /// <inheritdoc />
    public async Task<RollbackReason?> CloseEpochAsync(long epochEnd, long[] incidents, long[] failures, long answers, long answerMicros)
    {
        var state = await StateAtAsync(epochEnd, end: true);
        if (Checkpointed && state.NextEpoch == state.EpochAt(epochEnd, end: true))
        {
            // A close that will run (not a repeat) follows its epoch's begin, here too when this activation has not had it.
            Begin(state, epochEnd - state.World.EpochMicros);
        }

        return Close(state, epochEnd, incidents, failures, answers, answerMicros);
    }

    /// <inheritdoc />
    protected override AgentRuntime Create(World world, string name)
    {
        var agent = world.Agents.FirstOrDefault(a => a.Name == name)
            ?? throw new ArgumentException($"The scenario has no agent named '{name}'.", nameof(name));
        return new AgentRuntime(SharedState.CreateGovernor(world, agent), SharedState.CreateCapacity(world, agent));
    }

    /// <inheritdoc />
    protected override void Replay(RunScopedState<AgentRuntime, AgentEpochState> state, EpochCheckpoint checkpoint)
    {
        var a = Array.FindIndex(state.World.Agents, x => x.Name == EntityName);
        var (snapshot, merged) = (checkpoint.Snapshot, checkpoint.Merged);
        EnsureReplayed(Begin(state, snapshot.StartMicros).RolledBack, snapshot.AgentRolledBack[a], checkpoint.Epoch, "be rolled back");
        var reason = Close(state, snapshot.EndMicros, merged.IncidentTimes[a], merged.FailureTimes[a], merged.AgentTurns[a], merged.AgentAnswerMicros[a]);
        EnsureReplayed(reason, checkpoint.Rollbacks[a], checkpoint.Epoch, "roll back for");
    }

    private static AgentEpochState Begin(RunScopedState<AgentRuntime, AgentEpochState> state, long epochStart) =>
        state.BeginOnce(epochStart, r =>
        {
            var q = r.Capacity.Queueing;
            return new AgentEpochState(r.Governor.RolledBackAt(epochStart), q.WaitProbability, q.MeanWaitSeconds, q.BacklogSeconds, q.Busy, q.Utilisation);
        });

    private static RollbackReason? Close(RunScopedState<AgentRuntime, AgentEpochState> state, long epochEnd, long[] incidents, long[] failures, long answers, long answerMicros) =>
        state.CloseOnce(epochEnd, r =>
        {
            r.Capacity.CloseEpoch(answers, answerMicros);
            return r.Governor.CloseEpoch(epochEnd, incidents, failures);
        });
}
