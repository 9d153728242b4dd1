using AgentSim.Model.Channels;

namespace AgentSim.Model.Configuration;

/// <summary>A context store the application team engineered for some channel pairs.</summary>
public sealed class ContextStoreConfig
{
    /// <summary>Channel pairs (from, to) the store covers. Empty with <see cref="AllPairs"/> false covers nothing.</summary>
    public List<ChannelPair> Pairs { get; set; } = [];

    /// <summary>Covers every pair.</summary>
    public bool AllPairs { get; set; }

    /// <summary>Chance the stored context is found and usable.</summary>
    public double SuccessRate { get; set; } = 0.8;

    /// <summary>Latency of a context lookup.</summary>
    public LatencySpec Latency { get; set; } = LatencySpec.Of(40, 250);

    /// <summary>Engineering effort per covered pair, in person-weeks.</summary>
    public double EngineeringWeeksPerPair { get; set; } = 2;
}

/// <summary>An ordered channel pair.</summary>
public readonly record struct ChannelPair(Channel From, Channel To);
