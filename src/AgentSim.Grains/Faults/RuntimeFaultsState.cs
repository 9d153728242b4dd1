using AgentSim.Abstractions.Messages;

namespace AgentSim.Grains.Faults;

/// <summary>The fault registry's stored state: its faults, the last id and version it gave, and which registry it is.</summary>
[GenerateSerializer, Alias("AgentSim.RuntimeFaultsState")]
public sealed class RuntimeFaultsState
{
    /// <summary>Faults in force, scheduled, and the last to end, by id.</summary>
    [Id(0)]
    public SortedDictionary<long, RuntimeFault> Faults { get; set; } = [];

    /// <summary>The last id given.</summary>
    [Id(1)]
    public long LastId { get; set; }

    /// <summary>Incremented at every change.</summary>
    [Id(2)]
    public long Version { get; set; }

    /// <summary>The registry's identity, new when the registry starts empty; clocks seeing another one start over.</summary>
    [Id(3)]
    public string Registry { get; set; } = "";
}
