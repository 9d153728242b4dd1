namespace AgentSim.Model.Faults;

/// <summary>Kinds of fault. Their facts (what each targets, which parameters it needs, whether it acts on messages) are in <see cref="FaultKinds"/>.</summary>
public enum FaultKind
{
    /// <summary>The provider is down (every request fails).</summary>
    [WireName("provider_outage")]
    ProviderOutage,

    /// <summary>The provider answers slowly and with extra errors.</summary>
    [WireName("provider_degradation")]
    ProviderDegradation,

    /// <summary>The application context store is unavailable (every lookup misses).</summary>
    [WireName("context_store_outage")]
    ContextStoreOutage,

    /// <summary>A guardrail layer is down (its fail mode applies).</summary>
    [WireName("guardrail_outage")]
    GuardrailOutage,

    /// <summary>Messages are cut short (SMS segments): the agent answers a fragment and the customer sends it again.</summary>
    [WireName("sms_truncation")]
    SmsTruncation,

    /// <summary>Messages are delivered twice (WhatsApp): the agent answers twice, costing time and patience.</summary>
    [WireName("duplicate_delivery")]
    DuplicateDelivery,

    /// <summary>Voice transcripts are garbled: the agent misunderstands and the customer repeats themselves.</summary>
    [WireName("transcription_noise")]
    TranscriptionNoise,

    /// <summary>The provider answers a share of its requests with 429 (throttled), on top of its quota.</summary>
    [WireName("provider_throttling")]
    ProviderThrottling,
}
