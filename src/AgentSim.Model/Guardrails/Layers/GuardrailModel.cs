using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Guardrails.Checks;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Layers;

/// <summary>A guardrail layer compiled for simulation: where it sits, what it covers, and the check of its kind.</summary>
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

        Latency = config.Latency.ToLogNormal();
        Check = GuardrailChecks.Create(config);
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

    /// <summary>The check of the layer's kind, chosen once here.</summary>
    public IGuardrailCheck Check { get; }

    /// <summary>
    /// Whether this layer sees a message on <paramref name="channel"/> carried by provider <paramref name="provider"/>:
    /// a platform layer covers every channel of its own provider; an application layer only the channels it was built for.
    /// </summary>
    public bool Covers(Channel channel, int provider) =>
        Config.Placement == Placement.Platform ? provider == Provider : _channels[(int)channel];
}
