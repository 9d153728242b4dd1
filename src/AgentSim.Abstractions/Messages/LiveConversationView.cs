namespace AgentSim.Abstractions.Messages;

/// <summary>
/// Where a real-time conversation stands: running (turns with the AI agent), queued (waiting for a human) or ended,
/// with its outcome (wire name), turns so far, current channel, simulated and wall-clock durations, and its wait in a
/// human queue when it was handed to one.
/// </summary>
/// <param name="Id">Conversation id.</param>
/// <param name="Status"><c>running</c>, <c>queued</c> or <c>ended</c>.</param>
/// <param name="Outcome">Outcome wire name once ended (<c>resolved</c>, <c>escalated</c>, <c>abandoned</c>, <c>failed</c>), else null.</param>
/// <param name="Turns">Turns played so far.</param>
/// <param name="Channel">Current (or last) channel, wire name.</param>
/// <param name="SimulatedSeconds">Simulated time from arrival to now, or to the end.</param>
/// <param name="WallSeconds">Wall-clock time from arrival to now, or to the end.</param>
/// <param name="Queue">The human queue it was handed to, or null.</param>
/// <param name="QueueWaitSeconds">Simulated seconds waited in that queue once a human answered or the customer left, else null.</param>
/// <param name="Resumed">True when this silo resumed it after the silo it started on was lost (its durations count from the resume), else null.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.LiveConversationView")]
public sealed record LiveConversationView(
    [property: Id(0)] long Id,
    [property: Id(1)] string Status,
    [property: Id(2)] string? Outcome,
    [property: Id(3)] int Turns,
    [property: Id(4)] string Channel,
    [property: Id(5)] double SimulatedSeconds,
    [property: Id(6)] double WallSeconds,
    [property: Id(7)] string? Queue,
    [property: Id(8)] double? QueueWaitSeconds,
    [property: Id(9)] bool? Resumed = null);
