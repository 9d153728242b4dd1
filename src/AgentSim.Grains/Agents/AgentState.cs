using AgentSim.Abstractions.Messages;
using AgentSim.Model.Agents;

namespace AgentSim.Grains.Agents;

/// <summary>In-memory state of an agent grain: its governor and the last epoch it answered for.</summary>
internal sealed class AgentState(RunRequest request, AgentGovernor governor)
{
    /// <summary>The run request the grain was started with.</summary>
    public RunRequest Request { get; } = request;

    /// <summary>The agent's governance state.</summary>
    public AgentGovernor Governor { get; } = governor;

    /// <summary>Start of the last epoch begun and its answer, so a repeated call answers the same.</summary>
    public (long Start, AgentEpochState State)? LastBegin { get; set; }
}
