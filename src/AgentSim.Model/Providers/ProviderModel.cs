using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Providers;

/// <summary>A provider compiled for simulation.</summary>
public sealed class ProviderModel
{
    private readonly bool[] _channels = new bool[ChannelInfo.Count];
    private readonly LogNormal[] _latency = new LogNormal[ChannelInfo.Count];

    /// <summary>Compiles a provider.</summary>
    public ProviderModel(int index, ProviderConfig config)
    {
        Index = index;
        Config = config;
        foreach (var c in config.Channels)
        {
            _channels[(int)c] = true;
        }

        foreach (var c in ChannelInfo.All)
        {
            _latency[(int)c] = (config.ChannelLatency.GetValueOrDefault(c) ?? config.Latency).ToLogNormal();
        }

        ConnectorLatency = config.ConnectorLatency.ToLogNormal();
        RetryAfterMicros = config.QuotaPerSecond > 0 ? (long)Math.Ceiling(1_000_000 / config.QuotaPerSecond) : 0;
    }

    /// <summary>Index in the world.</summary>
    public int Index { get; }

    /// <summary>Name (a metric label).</summary>
    public string Name => Config.Name;

    /// <summary>Configuration.</summary>
    public ProviderConfig Config { get; }

    /// <summary>Latency of the team-built connector.</summary>
    public LogNormal ConnectorLatency { get; }

    /// <summary>The retry-after its 429 states, µs: until its next token, 1 ÷ the quota (0 without a quota).</summary>
    public long RetryAfterMicros { get; }

    /// <summary>Whether it carries a channel.</summary>
    public bool Carries(Channel channel) => _channels[(int)channel];

    /// <summary>Latency distribution on a channel.</summary>
    public LogNormal Latency(Channel channel) => _latency[(int)channel];
}
