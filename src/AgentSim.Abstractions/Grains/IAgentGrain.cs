using AgentSim.Abstractions.Messages;
using AgentSim.Model.Events;

namespace AgentSim.Abstractions.Grains;

/// <summary>Owns an agent's governance state (incident window, rollback) and its capacity (concurrency and queue). Key: "{runId}/{agentName}".</summary>
[Alias("AgentSim.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Prepares the agent for a run (idempotent for the same request).</summary>
    [Alias("Start")]
    Task StartAsync(RunRequest request);

    /// <summary>The agent's state for the epoch starting at <paramref name="epochStart"/> (µs).</summary>
    [Alias("BeginEpoch")]
    Task<AgentEpochState> BeginEpochAsync(long epochStart);

    /// <summary>
    /// Takes in the epoch's incidents and failures charged to the agent, and its answers and their summed answer time (the
    /// offered load that sets the next epoch's queueing); returns why it was rolled back, if it was.
    /// </summary>
    [Alias("CloseEpoch")]
    Task<RollbackReason?> CloseEpochAsync(long epochEnd, long[] incidents, long[] failures, long answers, long answerMicros);
}
