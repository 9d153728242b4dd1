using Orleans.Configuration;
using StackExchange.Redis;

namespace AgentSim.Host.Hosting;

/// <summary>
/// Membership and gateway settings of a Redis cluster, tuned so a lost silo is noticed in seconds rather than a minute.
/// Orleans' defaults (probe timeout 5 s, 3 missed probes, table refresh 60 s, clients refreshing their gateway list every
/// 60 s) declared a killed silo dead after about 6 s here and left clients sending to a frozen one for about 60 s.
/// </summary>
public static class ClusterTuning
{
    /// <summary>Initial timeout of a liveness probe (Orleans: 5 s); Orleans adapts it between half and four times this.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Longest timeout a probe adapts to (Orleans: four times <see cref="ProbeTimeout"/>); a frozen silo, whose connections
    /// stay open, is suspected after about this times <see cref="NumMissedProbesLimit"/>.
    /// </summary>
    public static readonly TimeSpan MaxProbeTimeout = TimeSpan.FromSeconds(4);

    /// <summary>Missed probes before a silo suspects another (Orleans: 3).</summary>
    public const int NumMissedProbesLimit = 2;

    /// <summary>How long a vote that a silo is dead stays valid (Orleans: 2 minutes); long enough for the second vote to arrive.</summary>
    public static readonly TimeSpan DeathVoteExpirationTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How often a silo re-reads the whole membership table (Orleans: 60 s).</summary>
    public static readonly TimeSpan TableRefreshTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How often a silo writes its "I am alive" time to the table (Orleans: 30 s).</summary>
    public static readonly TimeSpan IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often an Orleans client re-reads the list of live gateways (Orleans: 60 s); a frozen silo's gateway leaves the list at the next refresh.</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>How long a connection to Redis may take before it is given up (StackExchange.Redis: 5 s).</summary>
    public static readonly TimeSpan RedisConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Applies the tuned membership settings.</summary>
    public static void Apply(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = ProbeTimeout;
        options.MaxProbeTimeout = MaxProbeTimeout;
        options.NumMissedProbesLimit = NumMissedProbesLimit;
        options.DeathVoteExpirationTimeout = DeathVoteExpirationTimeout;
        options.TableRefreshTimeout = TableRefreshTimeout;
        options.IAmAliveTablePublishTimeout = IAmAliveTablePublishTimeout;
    }

    /// <summary>
    /// The StackExchange.Redis configuration of <paramref name="redis"/>: <c>HOST:PORT</c> or any StackExchange.Redis
    /// configuration string (<c>HOST:PORT,password=...,ssl=true</c>); connection failures are retried in the background.
    /// </summary>
    public static ConfigurationOptions RedisConfiguration(string redis)
    {
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)RedisConnectTimeout.TotalMilliseconds;
        return options;
    }
}
