namespace AgentSim.Model.Queues;

/// <summary>Stationary measures of an M/M/c+M (Erlang A) queue.</summary>
/// <param name="WaitProbability">P(wait &gt; 0): the probability an arrival finds every server busy.</param>
/// <param name="AbandonProbability">The probability an arrival leaves before being answered.</param>
/// <param name="MeanWaitSeconds">Mean time in queue over all arrivals (answered and abandoned), in seconds.</param>
/// <param name="MeanQueueLength">Mean number of customers waiting.</param>
public readonly record struct ErlangAResult(double WaitProbability, double AbandonProbability, double MeanWaitSeconds, double MeanQueueLength);
