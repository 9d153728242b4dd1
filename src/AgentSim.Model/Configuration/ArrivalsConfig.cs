namespace AgentSim.Model.Configuration;

/// <summary>Poisson arrivals of new conversations.</summary>
public sealed class ArrivalsConfig
{
    /// <summary>Mean new conversations per simulated second.</summary>
    public double RatePerSecond { get; set; } = 1;
}
