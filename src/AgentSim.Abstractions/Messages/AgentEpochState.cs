namespace AgentSim.Abstractions.Messages;

/// <summary>An agent's shared state for the coming epoch.</summary>
/// <param name="RolledBack">Whether the agent is rolled back for the epoch.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.AgentEpochState")]
public sealed record AgentEpochState([property: Id(0)] bool RolledBack);
