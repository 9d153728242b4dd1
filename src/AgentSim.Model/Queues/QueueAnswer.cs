namespace AgentSim.Model.Queues;

/// <summary>A customer answered by a human: when, after how long a wait, and how long the human will take.</summary>
/// <param name="ConversationId">The conversation answered.</param>
/// <param name="AnsweredAtMicros">The instant a human took the customer, in microseconds.</param>
/// <param name="WaitMicros">Time spent waiting in the queue, in microseconds (0 when a human was free on arrival).</param>
/// <param name="HandleMicros">The human's handle time for this customer, in microseconds.</param>
/// <param name="Channel">The channel the customer waited on.</param>
public readonly record struct QueueAnswer(long ConversationId, long AnsweredAtMicros, long WaitMicros, long HandleMicros, Channels.Channel Channel = default);
