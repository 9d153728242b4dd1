namespace AgentSim.Model.Experiments;

/// <summary>Result of the infrastructure-gap experiment.</summary>
public sealed record GapReport
{
    /// <summary>The assumptions used.</summary>
    public required GapAssumptions Assumptions { get; init; }

    /// <summary>The enterprises and their outcomes.</summary>
    public required IReadOnlyList<Enterprise> Enterprises { get; init; }

    /// <summary>Pearson correlation of infrastructure quality with deployment success.</summary>
    public required double InfrastructureCorrelation { get; init; }

    /// <summary>Pearson correlation of guardrail investment with deployment success.</summary>
    public required double GuardrailCorrelation { get; init; }

    /// <summary>Share of enterprises that rolled an agent back.</summary>
    public required double RolledBackShare { get; init; }

    /// <summary>The caveat every report carries.</summary>
    public string Caveat => "A simulation illustrates a mechanism under stated assumptions; it does not prove the survey's findings.";
}
