using AgentSim.Model.Configuration;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Agents;

/// <summary>An agent deployment compiled for simulation.</summary>
public sealed class AgentModel
{
    /// <summary>Compiles an agent.</summary>
    public AgentModel(int index, AgentConfig config)
    {
        Index = index;
        Config = config;
        Latency = config.Latency.ToLogNormal();
    }

    /// <summary>Index in the world.</summary>
    public int Index { get; }

    /// <summary>Name (a metric label).</summary>
    public string Name => Config.Name;

    /// <summary>Configuration.</summary>
    public AgentConfig Config { get; }

    /// <summary>Latency of one answer.</summary>
    public LogNormal Latency { get; }
}
