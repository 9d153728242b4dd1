using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AgentSim.Host.Hosting;

/// <summary>What an <see cref="AgentSimHost"/> starts.</summary>
public sealed record AgentSimHostOptions
{
    /// <summary>Start the in-process Orleans silo (see <see cref="Clustering"/>); false starts only telemetry.</summary>
    public bool Silo { get; init; } = true;

    /// <summary>Serve Prometheus metrics at http://127.0.0.1:port/metrics; 0 picks a free port; null serves none (unless <see cref="Urls"/> is set).</summary>
    public int? MetricsPort { get; init; }

    /// <summary>
    /// Serve HTTP (metrics, health, dashboard) at these ASP.NET Core URLs, separated by ';' (e.g. <c>http://0.0.0.0:9464</c>);
    /// takes precedence over <see cref="MetricsPort"/>.
    /// </summary>
    public string? Urls { get; init; }

    /// <summary>
    /// Serve the Orleans Dashboard at <see cref="AgentSimHost.DashboardPath"/> on every address of the HTTP endpoint (needs
    /// <see cref="Silo"/> and an HTTP endpoint); off by default, since the dashboard shows any grain's state to whoever can reach it.
    /// </summary>
    public bool Dashboard { get; init; }

    /// <summary>Traffic the host generates by itself while it runs, or null for none.</summary>
    public SiloTraffic? Traffic { get; init; }

    /// <summary>The real-time clock the silo runs (its own arrivals and the ingress), or null for none (the ingress then answers 409).</summary>
    public LiveTraffic? Live { get; init; }

    /// <summary>Configuration layered over the host's defaults (appsettings, environment, flags); null adds none.</summary>
    public IConfiguration? Configuration { get; init; }

    /// <summary>Port of the silo-to-silo endpoint on 127.0.0.1; null picks a free one. The caller checks a given port is free: Orleans does not fail on a taken one.</summary>
    public int? SiloPort { get; init; }

    /// <summary>Port of the client gateway on 127.0.0.1, where an Orleans client with localhost clustering connects; null picks a free one (checked like <see cref="SiloPort"/>).</summary>
    public int? GatewayPort { get; init; }

    /// <summary>Cluster and service id; null makes one unique to this host (with <see cref="ClusteringKind.Redis"/> give one: the silos of a cluster share it).</summary>
    public string? ClusterId { get; init; }

    /// <summary>How the silo finds the rest of its cluster and keeps grain state: localhost and in memory (the default), or Redis.</summary>
    public ClusteringKind Clustering { get; init; } = ClusteringKind.Localhost;

    /// <summary>
    /// The Redis server of <see cref="ClusteringKind.Redis"/> clustering (membership and grain state): <c>HOST:PORT</c> or a
    /// StackExchange.Redis configuration string; required with it, unused otherwise.
    /// </summary>
    public string? Redis { get; init; }

    /// <summary>
    /// With <see cref="ClusteringKind.Redis"/>: the address other silos and clients reach this silo at (an IP address or a host
    /// name resolved to one at start); the silo then listens on every interface. Null: 127.0.0.1, listening on loopback only
    /// (silos of one machine).
    /// </summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>Lowest level written to the console log (standard error); a <c>Logging</c> section in <see cref="Configuration"/> overrides it.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;
}
