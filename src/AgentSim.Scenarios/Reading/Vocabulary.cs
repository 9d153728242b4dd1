using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Guardrails;

namespace AgentSim.Scenarios.Reading;

/// <summary>The wire-name vocabularies of the scenario format, backed by the Model's TryParse/Known helpers.</summary>
internal static class Vocabulary
{
    /// <summary>Channel names.</summary>
    public static EnumNames<Channel> Channels { get; } = new("channel", ChannelInfo.TryParse, ChannelInfo.KnownNames);

    /// <summary>Guardrail kinds.</summary>
    public static EnumNames<GuardrailKind> Kinds { get; } = Guardrail<GuardrailKind>("guardrail kind");

    /// <summary>Guardrail placements.</summary>
    public static EnumNames<Placement> Placements { get; } = Guardrail<Placement>("placement");

    /// <summary>Guardrail stages.</summary>
    public static EnumNames<GuardrailStage> Stages { get; } = Guardrail<GuardrailStage>("stage");

    /// <summary>On-fail actions.</summary>
    public static EnumNames<OnFailAction> Actions { get; } = Guardrail<OnFailAction>("on_fail action");

    /// <summary>Fail modes.</summary>
    public static EnumNames<FailMode> FailModes { get; } = Guardrail<FailMode>("fail mode");

    /// <summary>PII entity types.</summary>
    public static EnumNames<PiiEntity> Entities { get; } = Guardrail<PiiEntity>("PII entity");

    /// <summary>Fault kinds.</summary>
    public static EnumNames<FaultKind> Faults { get; } = new("fault kind", ConfigNames.TryParseFault, ConfigNames.KnownFaults);

    /// <summary>Fallback kinds.</summary>
    public static EnumNames<FallbackKind> Fallbacks { get; } = new("fallback", ConfigNames.TryParseFallback, ConfigNames.KnownFallbacks);

    private static EnumNames<T> Guardrail<T>(string what) where T : struct, Enum =>
        new(what, GuardrailNames.TryParse, GuardrailNames.Known<T>());
}
