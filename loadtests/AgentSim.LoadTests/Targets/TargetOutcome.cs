namespace AgentSim.LoadTests.Targets;

/// <summary>How one request ended: accepted, or not and why (an HTTP status, an ingress status or an exception type).</summary>
/// <param name="Ok">True when the target did what the step asked.</param>
/// <param name="Kind">What came back, e.g. <c>202</c>, <c>503</c>, <c>Overloaded</c>, <c>HttpRequestException</c> or, for a conversation that ended, its outcome.</param>
/// <param name="ConversationId">The id of the conversation a start step started, or null.</param>
public readonly record struct TargetOutcome(bool Ok, string Kind, string? ConversationId = null)
{
    /// <summary>A step the target cannot run.</summary>
    public static readonly TargetOutcome Unsupported = new(false, "unsupported");
}
