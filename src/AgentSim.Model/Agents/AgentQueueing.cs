namespace AgentSim.Model.Agents;

/// <summary>The queue in front of an agent deployment for one epoch, set from the previous epoch's offered load (<see cref="AgentCapacity"/>).</summary>
/// <param name="WaitProbability">Chance a turn waits for a free slot (Erlang C of the previous epoch's load; 0 without a limit or when overloaded).</param>
/// <param name="MeanWaitSeconds">Mean of that exponential wait, h/(c − a) seconds.</param>
/// <param name="BacklogSeconds">The fluid backlog every turn waits behind, seconds (work queued past capacity ÷ concurrency).</param>
/// <param name="Busy">Offered load of the previous epoch, Erlangs (mean requests in service).</param>
/// <param name="Utilisation">Offered load over the concurrency limit (may exceed 1 when overloaded); 0 without a limit.</param>
public readonly record struct AgentQueueing(double WaitProbability, double MeanWaitSeconds, double BacklogSeconds, double Busy, double Utilisation)
{
    /// <summary>No queueing: an agent with room, or the first epoch.</summary>
    public static AgentQueueing None => default;
}
