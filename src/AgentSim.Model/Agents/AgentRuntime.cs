namespace AgentSim.Model.Agents;

/// <summary>An agent deployment's shared state, as its grain owns it: governance and capacity.</summary>
/// <param name="Governor">Incident window and rollback.</param>
/// <param name="Capacity">Concurrency limit and the queue in front of it.</param>
public sealed record AgentRuntime(AgentGovernor Governor, AgentCapacity Capacity);
