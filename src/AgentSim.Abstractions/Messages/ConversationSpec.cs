namespace AgentSim.Abstractions.Messages;

/// <summary>
/// What a caller may fix about a real-time conversation it starts (each null is drawn as the scenario says): the first
/// channel and the intent by their scenario names, the customer's tier, and a seed that keys the conversation's random
/// stream (the same seed on the same scenario gives the same customer and the same draws).
/// </summary>
/// <param name="Channel">First channel, a wire name such as <c>voice</c> or <c>web_chat</c>.</param>
/// <param name="Intent">Intent name from the scenario.</param>
/// <param name="Tier">Customer tier from the scenario.</param>
/// <param name="Seed">Key of the conversation's random stream.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.ConversationSpec")]
public sealed record ConversationSpec(
    [property: Id(0)] string? Channel = null,
    [property: Id(1)] string? Intent = null,
    [property: Id(2)] string? Tier = null,
    [property: Id(3)] ulong? Seed = null);
