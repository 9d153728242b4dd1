namespace AgentSim.Model.Experiments;

/// <summary>One synthetic enterprise of the gap experiment and how its deployment went.</summary>
public sealed record Enterprise
{
    /// <summary>Index in the population.</summary>
    public required int Index { get; init; }

    /// <summary>Provider unreliable.</summary>
    public required bool Unreliable { get; init; }

    /// <summary>Provider limited to text channels (voice goes to a second provider).</summary>
    public required bool LimitedChannels { get; init; }

    /// <summary>Provider without AI integration.</summary>
    public required bool NoAiIntegration { get; init; }

    /// <summary>Context engineered by the team instead of native.</summary>
    public required bool CustomContext { get; init; }

    /// <summary>Guardrail investment, 0..1: how many application layers the team built and how many channels they cover.</summary>
    public required double GuardrailInvestment { get; init; }

    /// <summary>Infrastructure quality, 0..1: the share of the four gaps the enterprise does not have.</summary>
    public double InfrastructureQuality => 1 - (((Unreliable ? 1 : 0) + (LimitedChannels ? 1 : 0) + (NoAiIntegration ? 1 : 0) + (CustomContext ? 1 : 0)) / 4.0);

    /// <summary>Deployment success: share of conversations the AI resolved.</summary>
    public double Success { get; init; }

    /// <summary>Whether an agent was rolled back.</summary>
    public bool RolledBack { get; init; }

    /// <summary>Incidents per 1,000 conversations.</summary>
    public double IncidentsPerThousand { get; init; }
}
