using AgentSim.Model.Channels;

namespace AgentSim.Model.Queues;

/// <summary>A conversation handed to a human queue: who, when (virtual microseconds), on which channel, with which customer tier.</summary>
/// <param name="ConversationId">The conversation's id; it keys the customer's random stream and breaks ties in time.</param>
/// <param name="ArrivalMicros">The instant the conversation joined the queue, in microseconds of virtual time.</param>
/// <param name="Channel">The channel the customer waits on (selects the patience).</param>
/// <param name="TierIndex">The customer's tier as an index into the tier names the queue was built with.</param>
public readonly record struct QueueArrival(long ConversationId, long ArrivalMicros, Channel Channel, int TierIndex);
