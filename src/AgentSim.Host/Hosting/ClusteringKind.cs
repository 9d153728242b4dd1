namespace AgentSim.Host.Hosting;

/// <summary>How a silo finds the other silos of its cluster, and where grain state is kept.</summary>
public enum ClusteringKind
{
    /// <summary>One process: localhost clustering (this silo alone) and in-memory grain state. The embedded default.</summary>
    Localhost,

    /// <summary>Membership in Redis (<c>Microsoft.Orleans.Clustering.Redis</c>) and grain state in Redis (<c>Microsoft.Orleans.Persistence.Redis</c>): many silo processes, one cluster.</summary>
    Redis,
}
