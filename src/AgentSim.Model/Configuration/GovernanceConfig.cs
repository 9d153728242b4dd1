namespace AgentSim.Model.Configuration;

/// <summary>An agent's governance policy: incident and failure budgets over a window, and what a rollback does.</summary>
public sealed class GovernanceConfig
{
    /// <summary>Detected incidents tolerated within the window; one more rolls the agent back.</summary>
    public int IncidentBudget { get; set; } = 30;

    /// <summary>Failed conversations tolerated within the window (0 = failures never roll back).</summary>
    public int FailureBudget { get; set; }

    /// <summary>Sliding window, in simulated minutes.</summary>
    public double WindowMinutes { get; set; } = 60;

    /// <summary>How long a rollback lasts, in simulated minutes.</summary>
    public double CooldownMinutes { get; set; } = 30;

    /// <summary>Where traffic goes while rolled back.</summary>
    public FallbackKind Fallback { get; set; } = FallbackKind.Human;


    /// <summary>Behaviour of the previous version (with <see cref="FallbackKind.PreviousVersion"/>).</summary>
    public AgentBehaviour PreviousVersion { get; set; } = new() { ResolveRate = 0.6, EscalateRate = 0.08, HallucinationRate = 0.005, PiiEchoRate = 0.05, InjectionComplyRate = 0.1 };
}

/// <summary>Fallback while an agent is rolled back.</summary>
public enum FallbackKind
{
    /// <summary>A human queue with limited capacity; overflow abandons.</summary>
    [WireName("human")]
    Human,

    /// <summary>The previous agent version.</summary>
    [WireName("previous_version")]
    PreviousVersion,
}
