namespace AgentSim.Abstractions.Messages;

/// <summary>An agent's shared state for the coming epoch.</summary>
/// <param name="RolledBack">Whether the agent is rolled back for the epoch.</param>
/// <param name="WaitProbability">Chance a turn waits for a free slot of the deployment (Erlang C of the last epoch's load).</param>
/// <param name="MeanWaitSeconds">Mean of that exponential wait.</param>
/// <param name="BacklogSeconds">The fluid backlog every turn waits behind.</param>
/// <param name="Busy">The last epoch's offered load, Erlangs.</param>
/// <param name="Utilisation">Offered load over the concurrency limit (0 without a limit).</param>
[GenerateSerializer, Immutable, Alias("AgentSim.AgentEpochState")]
public sealed record AgentEpochState(
    [property: Id(0)] bool RolledBack,
    [property: Id(1)] double WaitProbability = 0,
    [property: Id(2)] double MeanWaitSeconds = 0,
    [property: Id(3)] double BacklogSeconds = 0,
    [property: Id(4)] double Busy = 0,
    [property: Id(5)] double Utilisation = 0)
{
    /// <summary>The queue in front of the agent, as the model reads it.</summary>
    public Model.Agents.AgentQueueing Queueing => new(WaitProbability, MeanWaitSeconds, BacklogSeconds, Busy, Utilisation);
}
