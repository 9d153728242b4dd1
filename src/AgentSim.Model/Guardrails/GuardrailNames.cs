using AgentSim.Model.Agents;
using AgentSim.Model.Conversations;

namespace AgentSim.Model.Guardrails;

/// <summary>Wire names of the guardrail enums, used in scenario files, results and metric labels.</summary>
public static class GuardrailNames
{
    private static readonly string[] Kinds = ["pii", "injection", "content_safety", "groundedness", "topic", "rate_limit", "audit"];
    private static readonly string[] Placements = ["platform", "application"];
    private static readonly string[] Stages = ["transport", "input", "dialog", "retrieval", "tool", "output", "audit"];
    private static readonly string[] Actions = ["block", "mask", "reask", "escalate", "log"];
    private static readonly string[] FailModes = ["open", "closed"];
    private static readonly string[] Entities = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "LOCATION", "IP_ADDRESS"];
    private static readonly string[] IncidentKinds = ["pii_leak", "hallucination", "injection", "unsafe_content"];
    private static readonly string[] Outcomes = ["resolved", "escalated", "abandoned", "failed"];

    /// <summary>Wire name of a kind.</summary>
    public static string Name(this GuardrailKind value) => Kinds[(int)value];

    /// <summary>Wire name of a placement.</summary>
    public static string Name(this Placement value) => Placements[(int)value];

    /// <summary>Wire name of a stage.</summary>
    public static string Name(this GuardrailStage value) => Stages[(int)value];

    /// <summary>Wire name of an on-fail action.</summary>
    public static string Name(this OnFailAction value) => Actions[(int)value];

    /// <summary>Wire name of a fail mode.</summary>
    public static string Name(this FailMode value) => FailModes[(int)value];

    /// <summary>Presidio name of an entity type.</summary>
    public static string Name(this PiiEntity value) => Entities[(int)value];

    /// <summary>Wire name of an incident kind.</summary>
    public static string Name(this IncidentKind value) => IncidentKinds[(int)value];

    /// <summary>Wire name of an outcome.</summary>
    public static string Name(this Outcome value) => Outcomes[(int)value];

    /// <summary>Parses a wire name of any of the enums above.</summary>
    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        var names = Table<T>();
        var index = Array.IndexOf(names, name);
        value = index < 0 ? default : (T)(object)index;
        return index >= 0;
    }

    /// <summary>The accepted wire names of an enum, comma-separated, for error messages.</summary>
    public static string Known<T>() where T : struct, Enum => string.Join(", ", Table<T>());

    private static string[] Table<T>() where T : struct, Enum => typeof(T) switch
    {
        var t when t == typeof(GuardrailKind) => Kinds,
        var t when t == typeof(Placement) => Placements,
        var t when t == typeof(GuardrailStage) => Stages,
        var t when t == typeof(OnFailAction) => Actions,
        var t when t == typeof(FailMode) => FailModes,
        var t when t == typeof(PiiEntity) => Entities,
        var t when t == typeof(IncidentKind) => IncidentKinds,
        var t when t == typeof(Outcome) => Outcomes,
        _ => throw new ArgumentException($"No wire names for {typeof(T).Name}."),
    };
}
