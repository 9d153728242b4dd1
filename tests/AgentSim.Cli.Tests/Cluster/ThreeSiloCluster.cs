namespace AgentSim.Cli.Tests.Cluster;

/// <summary>
/// A Redis server of its own and three <c>agentsim silo --clustering redis</c> processes on 127.0.0.1 with a cluster id
/// unique to this instance, started side by side; everything stopped by process id on dispose.
/// </summary>
public sealed class ThreeSiloCluster : IAsyncLifetime
{
    /// <summary>Silos started.</summary>
    public const int SiloCount = 3;

    private readonly List<ClusterSiloProcess> _silos = [];

    /// <summary>The Redis server holding membership and grain state.</summary>
    public RedisServerProcess Redis { get; private set; } = null!;

    /// <summary>The cluster (and service) id.</summary>
    public string ClusterId { get; } = $"cluster-test-{Guid.NewGuid():N}";

    /// <summary>The silo processes.</summary>
    public IReadOnlyList<ClusterSiloProcess> Silos => _silos;

    /// <summary>The membership table as stored in Redis.</summary>
    public RedisMembership Membership { get; private set; } = null!;

    /// <summary>Starts Redis, then the three silos at once, and waits until all are ready (Active).</summary>
    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServerProcess.StartAsync();
        Membership = new RedisMembership(Redis.Address, ClusterId);
        var starts = Enumerable.Range(0, SiloCount).Select(_ => ClusterSiloProcess.StartAsync(Redis.Address, ClusterId)).ToArray();
        try
        {
            await Task.WhenAll(starts);
        }
        finally
        {
            _silos.AddRange(starts.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
        }
    }

    /// <summary>Stops the silos (SIGTERM, side by side), then Redis.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_silos.Select(s => s.DisposeAsync().AsTask()));
            if (Membership is not null)
            {
                await Membership.DisposeAsync();
            }
        }
        finally
        {
            if (Redis is not null)
            {
                await Redis.DisposeAsync();
            }
        }
    }
}
