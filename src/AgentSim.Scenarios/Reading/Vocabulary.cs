using AgentSim.Model;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Faults;
using AgentSim.Model.Guardrails;

namespace AgentSim.Scenarios.Reading;

/// <summary>The wire-name vocabularies of the scenario format, backed by the wire names on the Model's enums.</summary>
internal static class Vocabulary
{
    /// <summary>Channel names.</summary>
    public static EnumNames<Channel> Channels { get; } = Of<Channel>("channel");

    /// <summary>Guardrail kinds.</summary>
    public static EnumNames<GuardrailKind> Kinds { get; } = Of<GuardrailKind>("guardrail kind");

    /// <summary>Guardrail placements.</summary>
    public static EnumNames<Placement> Placements { get; } = Of<Placement>("placement");

    /// <summary>Guardrail stages.</summary>
    public static EnumNames<GuardrailStage> Stages { get; } = Of<GuardrailStage>("stage");

    /// <summary>On-fail actions.</summary>
    public static EnumNames<OnFailAction> Actions { get; } = Of<OnFailAction>("on_fail action");

    /// <summary>Fail modes.</summary>
    public static EnumNames<FailMode> FailModes { get; } = Of<FailMode>("fail mode");

    /// <summary>PII entity types.</summary>
    public static EnumNames<PiiEntity> Entities { get; } = Of<PiiEntity>("PII entity");

    /// <summary>Fault kinds.</summary>
    public static EnumNames<FaultKind> Faults { get; } = Of<FaultKind>("fault kind");

    /// <summary>Fallback kinds.</summary>
    public static EnumNames<FallbackKind> Fallbacks { get; } = Of<FallbackKind>("fallback");

    private static EnumNames<T> Of<T>(string what)
        where T : struct, Enum => new(what, Wire<T>.TryParse, Wire<T>.Known);
}
