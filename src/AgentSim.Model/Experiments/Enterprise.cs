namespace AgentSim.Model.Experiments;

/// <summary>One synthetic enterprise of the gap experiment: its drawn factors and how its deployment went over the horizon.</summary>
public sealed record Enterprise
{
    /// <summary>Replication (0-based) the enterprise belongs to.</summary>
    public required int Replication { get; init; }

    /// <summary>Index in its replication's population.</summary>
    public required int Index { get; init; }

    /// <summary>Gap: the primary provider is unreliable (error rate and outages).</summary>
    public required bool UnreliableProvider { get; init; }

    /// <summary>Gap: the primary provider does not carry voice and RCS; a second provider does (no native context across the two).</summary>
    public required bool LimitedMultiChannel { get; init; }

    /// <summary>Gap: the primary provider lacks AI platform integration (a team-built connector adds latency and errors).</summary>
    public required bool NoAiIntegration { get; init; }

    /// <summary>Gap: no native cross-channel context; the team engineered a context store for every channel pair.</summary>
    public required bool CustomContext { get; init; }

    /// <summary>Guardrail investment, 0..1 (independent of the gaps): the share of five application layers built and of channels covered, and how strict governance is.</summary>
    public required double GuardrailInvestment { get; init; }

    /// <summary>Incident budget per governance window that follows from the investment.</summary>
    public required int IncidentBudget { get; init; }

    /// <summary>Number of the four infrastructure gaps the enterprise has.</summary>
    public int Gaps => (UnreliableProvider ? 1 : 0) + (LimitedMultiChannel ? 1 : 0) + (NoAiIntegration ? 1 : 0) + (CustomContext ? 1 : 0);

    /// <summary>Infrastructure quality, 0..1: the share of the four gaps the enterprise does not have.</summary>
    public double InfrastructureQuality => 1 - (Gaps / 4.0);

    /// <summary>What the run measured, the composite's inputs.</summary>
    public SuccessInputs Inputs { get; init; } = SuccessInputs.Empty;

    /// <summary>The normalised components and the composite deployment success.</summary>
    public SuccessScore Score { get; init; } = SuccessScore.Empty;

    /// <summary>Deployment success, 0..1 (the composite; see <see cref="SuccessComposite"/>).</summary>
    public double Success => Score.Success;

    /// <summary>Rollbacks within the horizon.</summary>
    public long Rollbacks { get; init; }

    /// <summary>Whether any agent was rolled back at least once within the horizon (the survey's "shut down or rolled back an agent").</summary>
    public bool RolledBack => Rollbacks > 0;
}
