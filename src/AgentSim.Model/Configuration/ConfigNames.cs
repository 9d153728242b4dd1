namespace AgentSim.Model.Configuration;

/// <summary>Wire names of configuration enums.</summary>
public static class ConfigNames
{
    private static readonly string[] Faults = ["provider_outage", "provider_degradation", "context_store_outage", "guardrail_outage", "sms_truncation", "duplicate_delivery", "transcription_noise"];
    private static readonly string[] Fallbacks = ["human", "previous_version"];

    /// <summary>Wire name of a fault kind.</summary>
    public static string Name(this FaultKind value) => Faults[(int)value];

    /// <summary>Wire name of a fallback.</summary>
    public static string Name(this FallbackKind value) => Fallbacks[(int)value];

    /// <summary>Parses a fault kind.</summary>
    public static bool TryParseFault(string? name, out FaultKind value)
    {
        var i = Array.IndexOf(Faults, name);
        value = i < 0 ? default : (FaultKind)i;
        return i >= 0;
    }

    /// <summary>Parses a fallback.</summary>
    public static bool TryParseFallback(string? name, out FallbackKind value)
    {
        var i = Array.IndexOf(Fallbacks, name);
        value = i < 0 ? default : (FallbackKind)i;
        return i >= 0;
    }

    /// <summary>Known fault kinds, for messages.</summary>
    public static string KnownFaults => string.Join(", ", Faults);

    /// <summary>Known fallbacks, for messages.</summary>
    public static string KnownFallbacks => string.Join(", ", Fallbacks);
}
