namespace AgentSim.Abstractions.Messages;

/// <summary>What a surviving silo made of a lost silo's conversation it was asked to resume.</summary>
/// <param name="Resumed">True when it resumed it with its context (or put it back in its human queue).</param>
/// <param name="Requeued">True when it was waiting in a human queue and was put back in this silo's same queue.</param>
/// <param name="Reason">Why it could not be resumed (when not <paramref name="Resumed"/>): the taker then ends it failed.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.LiveResume")]
public sealed record LiveResume(
    [property: Id(0)] bool Resumed,
    [property: Id(1)] bool Requeued = false,
    [property: Id(2)] string? Reason = null);
