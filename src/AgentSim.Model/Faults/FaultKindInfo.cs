namespace AgentSim.Model.Faults;

/// <summary>The facts of one fault kind: what it must and may be aimed at, which settings it uses, what it does to messages.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Requires">Targets a fault of this kind must name.</param>
/// <param name="Allows">Targets it may name (a superset of <paramref name="Requires"/>); naming any other is an error.</param>
/// <param name="Uses">Settings it reads; setting any other is an error.</param>
/// <param name="NeedsOneOf">Of <paramref name="Uses"/>, the settings at least one of which must be above 0 (none when empty).</param>
/// <param name="Effect">What it does to a message it hits, for faults that act on messages.</param>
/// <param name="Summary">One line for documentation and error messages.</param>
public sealed record FaultKindInfo(
    FaultKind Kind,
    FaultScope Requires,
    FaultScope Allows,
    FaultParameters Uses,
    FaultParameters NeedsOneOf,
    MessageEffect Effect,
    string Summary)
{
    /// <summary>True for faults that act on individual messages at a rate.</summary>
    public bool ActsOnMessages => Effect != MessageEffect.None;
}
