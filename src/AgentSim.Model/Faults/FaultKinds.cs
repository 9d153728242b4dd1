namespace AgentSim.Model.Faults;

/// <summary>
/// Every fault kind with its facts, in one table that both the scenario reader (what to require and reject) and the
/// model (how to compile and apply a fault) read. A new fault kind is a <see cref="FaultKind"/> value, a row here, its
/// effect where it acts, its tests and its doc line.
/// </summary>
public static class FaultKinds
{
    private const FaultScope ProviderAndChannel = FaultScope.Provider | FaultScope.Channel;

    private static readonly FaultKindInfo[] Table =
    [
        new(FaultKind.ProviderOutage, FaultScope.Provider, ProviderAndChannel, FaultParameters.None, FaultParameters.None, MessageEffect.None,
            "the provider is down: every request to it is unavailable (on one channel, or all)"),
        new(FaultKind.ProviderDegradation, FaultScope.Provider, ProviderAndChannel, FaultParameters.ErrorRate | FaultParameters.AddedLatency,
            FaultParameters.ErrorRate | FaultParameters.AddedLatency, MessageEffect.None,
            "the provider answers slowly (added_latency_ms, ±50% jitter) and with extra errors (error_rate)"),
        new(FaultKind.ContextStoreOutage, FaultScope.None, FaultScope.None, FaultParameters.None, FaultParameters.None, MessageEffect.None,
            "the application context store is unavailable: every lookup misses"),
        new(FaultKind.GuardrailOutage, FaultScope.Guardrail, FaultScope.Guardrail, FaultParameters.None, FaultParameters.None, MessageEffect.None,
            "a guardrail layer is down: its fail mode applies"),
        new(FaultKind.SmsTruncation, FaultScope.None, ProviderAndChannel, FaultParameters.Rate, FaultParameters.Rate, MessageEffect.Spoils,
            "messages are cut short (SMS segments) at a rate: the agent answers a fragment and the customer sends it again"),
        new(FaultKind.DuplicateDelivery, FaultScope.None, ProviderAndChannel, FaultParameters.Rate, FaultParameters.Rate, MessageEffect.Duplicates,
            "messages are delivered twice (WhatsApp) at a rate: the agent answers twice, costing time and patience"),
        new(FaultKind.TranscriptionNoise, FaultScope.None, ProviderAndChannel, FaultParameters.Rate, FaultParameters.Rate, MessageEffect.Spoils,
            "voice transcripts are garbled at a rate: the agent misunderstands and the customer repeats themselves"),
        new(FaultKind.ProviderThrottling, FaultScope.Provider, ProviderAndChannel, FaultParameters.Rate, FaultParameters.Rate, MessageEffect.None,
            "the provider throttles: a share (rate) of its requests is answered 429, on top of its quota; failover or a rate-limit layer's retries apply"),
    ];

    /// <summary>Every kind's facts, in <see cref="FaultKind"/> order.</summary>
    public static IReadOnlyList<FaultKindInfo> All => Table;

    /// <summary>The facts of one kind.</summary>
    public static FaultKindInfo Of(FaultKind kind) => Table[(int)kind];
}
