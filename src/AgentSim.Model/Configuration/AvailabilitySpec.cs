namespace AgentSim.Model.Configuration;

/// <summary>Random outages: mean time between failures and mean time to repair. Zero MTBF means no random outages.</summary>
public sealed class AvailabilitySpec
{
    /// <summary>Mean time between failures, in hours of simulated time (0 = never fails at random).</summary>
    public double MtbfHours { get; set; }

    /// <summary>Mean time to repair, in minutes of simulated time.</summary>
    public double MttrMinutes { get; set; }
}
