using AgentSim.Abstractions.Messages;
using AgentSim.Model.Events;

namespace AgentSim.Abstractions.Grains;

/// <summary>Owns an agent's governance state (incident window, rollback). Key: "{runId}/{agentName}".</summary>
[Alias("AgentSim.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Prepares the agent for a run (idempotent for the same request).</summary>
    [Alias("Start")]
    Task StartAsync(RunRequest request);

    /// <summary>The agent's state for the epoch starting at <paramref name="epochStart"/> (µs).</summary>
    [Alias("BeginEpoch")]
    Task<AgentEpochState> BeginEpochAsync(long epochStart);

    /// <summary>Takes in the epoch's incidents and failures charged to the agent; returns why it was rolled back, if it was.</summary>
    [Alias("CloseEpoch")]
    Task<RollbackReason?> CloseEpochAsync(long epochEnd, long[] incidents, long[] failures);
}
