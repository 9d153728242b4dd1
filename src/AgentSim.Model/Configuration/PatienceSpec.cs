using AgentSim.Model.Channels;

namespace AgentSim.Model.Configuration;

/// <summary>How long a waiting customer stays in a human queue: exponential, with optional per-channel means.</summary>
public sealed class PatienceSpec
{
    /// <summary>Mean patience in seconds for channels without an override.</summary>
    public double MeanSeconds { get; set; }

    /// <summary>Mean patience in seconds per channel where it differs from <see cref="MeanSeconds"/>.</summary>
    public Dictionary<Channel, double> ByChannel { get; set; } = [];

    /// <summary>The mean patience in seconds of a customer waiting on <paramref name="channel"/>.</summary>
    public double MeanSecondsFor(Channel channel) => ByChannel.TryGetValue(channel, out var mean) ? mean : MeanSeconds;

    /// <summary>An exponential patience with the given mean in seconds on every channel.</summary>
    public static PatienceSpec Exponential(double meanSeconds) => new() { MeanSeconds = meanSeconds };
}
