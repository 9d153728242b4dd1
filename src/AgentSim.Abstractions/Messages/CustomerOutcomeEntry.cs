namespace AgentSim.Abstractions.Messages;

/// <summary>One conversation outcome recorded to a customer.</summary>
/// <param name="RunId">Run the conversation belonged to.</param>
/// <param name="Outcome">Outcome name (resolved, escalated, abandoned, failed).</param>
/// <param name="Channel">Channel name the conversation ended on.</param>
/// <param name="SimulatedSeconds">Simulated instant it ended.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.CustomerOutcomeEntry")]
public sealed record CustomerOutcomeEntry(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Outcome,
    [property: Id(2)] string Channel,
    [property: Id(3)] double SimulatedSeconds);
