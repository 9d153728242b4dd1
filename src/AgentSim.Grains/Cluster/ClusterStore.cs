using StackExchange.Redis;

namespace AgentSim.Grains.Cluster;

/// <summary>
/// The store the silos of one cluster share: the Redis server they cluster on (<c>--clustering redis</c>), or none for a
/// silo alone (<c>localhost</c>), whose state lives and dies with its one process. Keys are prefixed with the cluster id,
/// so clusters sharing a Redis server never read each other's state.
/// </summary>
public sealed class ClusterStore
{
    private readonly IConnectionMultiplexer? _redis;

    /// <summary>A store for cluster <paramref name="clusterId"/> on <paramref name="redis"/> (null: no shared store).</summary>
    public ClusterStore(string clusterId, IConnectionMultiplexer? redis)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        ClusterId = clusterId;
        _redis = redis;
    }

    /// <summary>The cluster's id, the prefix of every key.</summary>
    public string ClusterId { get; }

    /// <summary>True when the silos share a Redis server: state written here survives the loss of any silo.</summary>
    public bool Shared => _redis is not null;

    /// <summary>The shared database; throws when there is none (check <see cref="Shared"/>).</summary>
    public IDatabase Database => (_redis ?? throw new InvalidOperationException("This silo shares no store: it was started with localhost clustering.")).GetDatabase();

    /// <summary>The key <c>agentsim:{cluster}:{part}:{part}...</c>.</summary>
    public RedisKey Key(params string[] parts) => $"agentsim:{ClusterId}:{string.Join(':', parts)}";
}
