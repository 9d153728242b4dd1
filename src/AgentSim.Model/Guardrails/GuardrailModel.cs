using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails;

/// <summary>A guardrail layer compiled for simulation.</summary>
public sealed class GuardrailModel
{
    private readonly bool[] _channels = new bool[ChannelInfo.Count];

    /// <summary>Compiles a layer; <paramref name="provider"/> is the provider index of a platform layer, else -1.</summary>
    public GuardrailModel(int index, GuardrailConfig config, int provider)
    {
        Index = index;
        Config = config;
        Provider = provider;
        foreach (var c in config.Channels)
        {
            _channels[(int)c] = true;
        }

        Latency = LogNormal.From(config.Latency);
        DetectionDelay = LogNormal.From(config.DetectionDelay);
        Recognizers = Text.PiiRecognizers.For(config.Entities);
    }

    /// <summary>Index in the world.</summary>
    public int Index { get; }

    /// <summary>Name (a metric label).</summary>
    public string Name => Config.Name;

    /// <summary>Configuration.</summary>
    public GuardrailConfig Config { get; }

    /// <summary>Provider index of a platform layer, else -1.</summary>
    public int Provider { get; }

    /// <summary>Latency of one check.</summary>
    public LogNormal Latency { get; }

    /// <summary>Audit: delay from incident to detection.</summary>
    public LogNormal DetectionDelay { get; }

    /// <summary>The PII recognizers this layer runs (empty for other kinds).</summary>
    public Text.PiiRecognizer[] Recognizers { get; }

    /// <summary>
    /// Whether this layer sees a message on <paramref name="channel"/> carried by provider <paramref name="provider"/>:
    /// a platform layer covers every channel of its own provider; an application layer only the channels it was built for.
    /// </summary>
    public bool Covers(Channel channel, int provider) =>
        Config.Placement == Placement.Platform ? provider == Provider : _channels[(int)channel];
}
