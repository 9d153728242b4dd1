using AgentSim.Model.Channels;

namespace AgentSim.Model.Configuration;

/// <summary>Where conversations start and how customers move between channels.</summary>
public sealed class ChannelsConfig
{
    /// <summary>Weight of each channel as the first contact (normalised; need not sum to 1).</summary>
    public Dictionary<Channel, double> Mix { get; set; } = [];

    /// <summary>Per-turn chance that a customer with switch propensity 1 switches channel; scaled by propensity and frustration.</summary>
    public double SwitchProbability { get; set; } = 0.1;

    /// <summary>Transition weights: from-channel → (to-channel → weight). A channel with no row never switches.</summary>
    public Dictionary<Channel, Dictionary<Channel, double>> Matrix { get; set; } = [];

    /// <summary>Mean customer think time between two turns, in seconds, per channel (exponential); channels not listed keep their default.</summary>
    public Dictionary<Channel, double> ThinkSeconds { get; set; } = ChannelInfo.All.ToDictionary(c => c, ChannelInfo.DefaultThinkSeconds);
}
