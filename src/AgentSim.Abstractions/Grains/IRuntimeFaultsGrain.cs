using AgentSim.Abstractions.Messages;

namespace AgentSim.Abstractions.Grains;

/// <summary>
/// The cluster's registry of runtime faults (one activation, key <see cref="Key"/>): the HTTP API adds and ends faults
/// here, and every silo's real-time clock reads the list and applies it to its own traffic. Stored in the silos' grain
/// storage: Redis on a Redis cluster, so the faults outlive the silo that holds the registry; memory on a silo alone.
/// </summary>
[Alias("AgentSim.IRuntimeFaultsGrain")]
public interface IRuntimeFaultsGrain : IGrainWithStringKey
{
    /// <summary>The registry's key.</summary>
    public const string Key = "runtime-faults";

    /// <summary>Faults in force or scheduled at once, at most: every live turn checks each of them.</summary>
    public const int MaxFaults = 100;

    /// <summary>Adds a fault (its id is ignored) and returns it with the id it was given; null when <see cref="MaxFaults"/> are already in force or scheduled.</summary>
    [Alias("Add")]
    Task<RuntimeFault?> AddAsync(RuntimeFault fault);

    /// <summary>Every fault known: in force, scheduled, and the last to end.</summary>
    [Alias("List")]
    Task<RuntimeFaultList> ListAsync();

    /// <summary>Ends fault <paramref name="id"/> now (nothing changes for one already over); null when it is unknown.</summary>
    [Alias("End")]
    Task<RuntimeFault?> EndAsync(long id);
}
