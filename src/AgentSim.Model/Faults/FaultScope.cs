namespace AgentSim.Model.Faults;

/// <summary>What a fault can be aimed at; a fault kind requires some of these and allows others.</summary>
[Flags]
public enum FaultScope
{
    /// <summary>Nothing: the fault hits everything of its kind.</summary>
    None = 0,

    /// <summary>A provider, by name (<c>provider:</c>).</summary>
    Provider = 1,

    /// <summary>A guardrail layer, by name (<c>guardrail:</c>).</summary>
    Guardrail = 2,

    /// <summary>One channel (<c>channel:</c>).</summary>
    Channel = 4,
}
