namespace AgentSim.Model.Queues;

/// <summary>What a human queue decided during one epoch: who was answered and who left, each ordered by (time, id).</summary>
/// <param name="Answered">Customers answered in the epoch, by (answered at, id).</param>
/// <param name="Abandoned">Customers who left in the epoch, by (left at, id).</param>
public sealed record QueueEpochResult(IReadOnlyList<QueueAnswer> Answered, IReadOnlyList<QueueAbandonment> Abandoned);
