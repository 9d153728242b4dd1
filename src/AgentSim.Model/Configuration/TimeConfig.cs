namespace AgentSim.Model.Configuration;

/// <summary>Virtual-time settings.</summary>
public sealed class TimeConfig
{
    /// <summary>Length of an epoch in simulated seconds. Shared state (rollbacks, throttling, human-queue capacity) changes only at epoch boundaries.</summary>
    public double EpochSeconds { get; set; } = 60;
}
