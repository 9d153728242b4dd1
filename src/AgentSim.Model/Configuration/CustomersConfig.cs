namespace AgentSim.Model.Configuration;

/// <summary>The synthetic customer population (Bogus, seeded per customer).</summary>
public sealed class CustomersConfig
{
    /// <summary>Number of distinct customers; conversations draw a customer from this population.</summary>
    public int Population { get; set; } = 100_000;

    /// <summary>Bogus locales customers are drawn from (uniformly).</summary>
    public List<string> Locales { get; set; } = ["en_US"];

    /// <summary>How many times a customer will repeat themselves before giving up.</summary>
    public RangeSpec Patience { get; set; } = RangeSpec.Of(1, 3);

    /// <summary>Propensity to switch channel, 0..1, scaling <see cref="ChannelsConfig.SwitchProbability"/>.</summary>
    public RangeSpec SwitchPropensity { get; set; } = RangeSpec.Of(0.2, 1.0);

    /// <summary>Tier weights (standard, gold, platinum …); informational label on the customer.</summary>
    public Dictionary<string, double> Tiers { get; set; } = new() { ["standard"] = 0.75, ["gold"] = 0.2, ["platinum"] = 0.05 };
}
