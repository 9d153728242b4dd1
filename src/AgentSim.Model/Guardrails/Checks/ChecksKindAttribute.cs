namespace AgentSim.Model.Guardrails.Checks;

/// <summary>Marks the <see cref="IGuardrailCheck"/> that implements a guardrail kind; <see cref="GuardrailChecks"/> finds it by this.</summary>
/// <param name="kind">The kind the check implements.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ChecksKindAttribute(GuardrailKind kind) : Attribute
{
    /// <summary>The kind the check implements.</summary>
    public GuardrailKind Kind { get; } = kind;
}
