using AgentSim.Model.Channels;

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

    /// <summary>
    /// Mean turn tolerance in seconds per channel: how long a customer waits for an answer before hanging up, drawn per
    /// turn from an exponential with this mean. Channels not listed have none. Defaults: voice and web chat (docs/scenarios.md).
    /// </summary>
    public Dictionary<Channel, double> TurnTolerance { get; set; } = DefaultTurnTolerance();

    /// <summary>Propensity to switch channel, 0..1, scaling <see cref="ChannelsConfig.SwitchProbability"/>.</summary>
    public RangeSpec SwitchPropensity { get; set; } = RangeSpec.Of(0.2, 1.0);

    /// <summary>Tier weights (standard, gold, platinum …); informational label on the customer.</summary>
    public Dictionary<string, double> Tiers { get; set; } = new() { ["standard"] = 0.75, ["gold"] = 0.2, ["platinum"] = 0.05 };

    /// <summary>The default turn tolerances: voice 30 s, web chat 60 s; asynchronous channels none (sources in docs/scenarios.md).</summary>
    public static Dictionary<Channel, double> DefaultTurnTolerance() => new() { [Channel.Voice] = 30, [Channel.WebChat] = 60 };
}
