namespace AgentSim.Model.Queues;

/// <summary>A customer who left the queue before a human answered.</summary>
/// <param name="ConversationId">The conversation that left.</param>
/// <param name="LeftAtMicros">The instant the customer's patience ran out, in microseconds.</param>
/// <param name="WaitMicros">Time spent waiting before leaving (the patience), in microseconds.</param>
/// <param name="Channel">The channel the customer waited on.</param>
public readonly record struct QueueAbandonment(long ConversationId, long LeftAtMicros, long WaitMicros, Channels.Channel Channel = default);
