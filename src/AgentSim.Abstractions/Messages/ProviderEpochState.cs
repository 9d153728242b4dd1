namespace AgentSim.Abstractions.Messages;

/// <summary>A provider's shared state for the coming epoch.</summary>
/// <param name="Down">Whether the provider is down (random outage) for the epoch.</param>
/// <param name="Throttle">Chance a request is throttled.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.ProviderEpochState")]
public sealed record ProviderEpochState([property: Id(0)] bool Down, [property: Id(1)] double Throttle);
