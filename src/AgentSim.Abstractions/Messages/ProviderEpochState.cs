namespace AgentSim.Abstractions.Messages;

/// <summary>A provider's shared state for the coming epoch.</summary>
/// <param name="Down">Whether the provider is down (random outage) for the epoch.</param>
/// <param name="Throttle">Chance a request is throttled.</param>
/// <param name="LatencyFactor">How much its latency is stretched by the last epoch's utilisation of its quota.</param>
/// <param name="Utilisation">The last epoch's demand over its quota (0 without a quota).</param>
[GenerateSerializer, Immutable, Alias("AgentSim.ProviderEpochState")]
public sealed record ProviderEpochState(
    [property: Id(0)] bool Down,
    [property: Id(1)] double Throttle,
    [property: Id(2)] double LatencyFactor,
    [property: Id(3)] double Utilisation);
