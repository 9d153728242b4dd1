namespace AgentSim.Model.Experiments;

/// <summary>
/// Default assumptions of the infrastructure-gap experiment: the survey's shares of enterprises with each
/// infrastructure gap, and what each gap does to the simulated world. Every number can be changed.
/// </summary>
public sealed record GapAssumptions
{
    /// <summary>Share with a provider unreliable for AI at scale (survey: 42%).</summary>
    public double UnreliableShare { get; init; } = 0.42;

    /// <summary>Share whose provider has limited multi-channel capability (survey: 37%).</summary>
    public double LimitedChannelsShare { get; init; } = 0.37;

    /// <summary>Share whose provider lacks AI platform integration (survey: 32%).</summary>
    public double NoAiIntegrationShare { get; init; } = 0.32;

    /// <summary>Share custom-engineering cross-channel context because the platform lacks it (survey: 55%).</summary>
    public double CustomContextShare { get; init; } = 0.55;

    /// <summary>Error rate of an unreliable provider.</summary>
    public double UnreliableErrorRate { get; init; } = 0.03;

    /// <summary>Mean time between outages of an unreliable provider, hours.</summary>
    public double UnreliableMtbfHours { get; init; } = 2;

    /// <summary>Mean outage length of an unreliable provider, minutes.</summary>
    public double UnreliableMttrMinutes { get; init; } = 10;

    /// <summary>Success rate of a custom-built context store.</summary>
    public double CustomContextSuccessRate { get; init; } = 0.7;

    /// <summary>Enterprises drawn.</summary>
    public int Enterprises { get; init; } = 100;

    /// <summary>Conversations simulated per enterprise.</summary>
    public int ConversationsPerEnterprise { get; init; } = 1500;
}
