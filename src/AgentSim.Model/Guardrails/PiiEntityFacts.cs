namespace AgentSim.Model.Guardrails;

/// <summary>What distinguishes the PII entity types from one another.</summary>
public static class PiiEntityFacts
{
    /// <summary>True for types found by a statistical model (NER) rather than a pattern: such a recognizer can miss.</summary>
    public static bool IsModelBased(this PiiEntity entity) => entity is PiiEntity.Person or PiiEntity.Location;
}
