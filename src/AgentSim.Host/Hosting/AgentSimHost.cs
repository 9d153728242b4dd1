using System.Net;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains;
using AgentSim.Grains.Cluster;
using AgentSim.Grains.Live;
using AgentSim.Grains.Worlds;
using AgentSim.Host.Faults;
using AgentSim.Host.Ingress;
using AgentSim.Host.Http;
using AgentSim.Host.Telemetry;
using AgentSim.Model.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace AgentSim.Host.Hosting;

/// <summary>
/// An AgentSim host: an in-process Orleans silo (localhost clustering and in-memory state, or membership and state in
/// Redis; on the given or free ports, the given or a unique cluster id) and, optionally, an HTTP endpoint on 127.0.0.1 (or the given URLs) serving Prometheus
/// metrics, health and, when asked, the Orleans Dashboard (every error answer a problem details body), and traffic the
/// silo generates by itself. Start it, use its grain factory or wait for shutdown, stop it.
/// </summary>
public sealed class AgentSimHost : IAsyncDisposable
{
    /// <summary>Path of the Orleans Dashboard.</summary>
    public const string DashboardPath = "/dashboard";

    private readonly IHost _host;
    private readonly TrafficService? _traffic;
    private int _stopped;

    private AgentSimHost(IHost host, string clusterId, Uri? metricsUri)
    {
        _host = host;
        _traffic = host.Services.GetService<TrafficService>();
        ClusterId = clusterId;
        MetricsUri = metricsUri;
    }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Cluster id of the silo.</summary>
    public string ClusterId { get; }

    /// <summary>Full address of the metrics endpoint, or null when none is served.</summary>
    public Uri? MetricsUri { get; }

    /// <summary>Base address of the HTTP endpoint (metrics, health, dashboard), or null when none is served.</summary>
    public Uri? BaseUri => MetricsUri is null ? null : new Uri(MetricsUri, "/");

    /// <summary>Port of the silo's silo-to-silo endpoint on 127.0.0.1, or null without a silo.</summary>
    public int? SiloPort => Services.GetService<IOptions<EndpointOptions>>()?.Value.SiloPort;

    /// <summary>Port of the silo's client gateway on 127.0.0.1 (what an Orleans client's localhost clustering connects to), or null without a silo.</summary>
    public int? GatewayPort => Services.GetService<IOptions<EndpointOptions>>()?.Value.GatewayPort;

    /// <summary>The exception that stopped the host's own traffic, or null (also when it has none).</summary>
    public Exception? TrafficFailure => _traffic?.Failure;

    /// <summary>The silo's cluster client.</summary>
    public IClusterClient Client => Services.GetRequiredService<IClusterClient>();

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The metrics observer factory (the same one the grains use).</summary>
    public AgentSimMetrics Metrics => Services.GetRequiredService<AgentSimMetrics>();

    /// <summary>The silo's world cache: a world compiled in this process is handed to it so the silo's grains use it as is.</summary>
    public WorldCache Worlds => Services.GetRequiredService<WorldCache>();

    /// <summary>
    /// Runs a request to completion on this host's silo with its already-compiled <paramref name="world"/>, which the
    /// silo's grains are handed rather than compiling the request's YAML again.
    /// </summary>
    public Task<RunOutcome> RunAsync(RunRequest request, World world, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        Worlds.Add(request, world);
        return OrleansEngine.RunAsync(GrainFactory, request, world, progress, cancellation);
    }

    /// <summary>Builds and starts a host.</summary>
    public static async Task<AgentSimHost> StartAsync(AgentSimHostOptions options, CancellationToken cancellation = default)
    {
        var clusterId = options.ClusterId ?? $"agentsim-{Guid.NewGuid():N}";
        IHost host;
        if (options.Urls is not null || options.MetricsPort is not null)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
            if (options.Urls is { } urls)
            {
                builder.WebHost.UseUrls(urls);
            }
            else
            {
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.MetricsPort!.Value));
            }

            Configure(builder, options, clusterId, exportPrometheus: true);
            builder.Services.AddAgentSimHealthChecks(options.Silo);
            builder.Services.AddAgentSimHttpProblems();
            var app = builder.Build();
            app.UseAgentSimHttpProblems();
            app.MapAgentSimMetrics();
            app.MapAgentSimHealth();
            if (options.Silo)
            {
                app.MapAgentSimIngress();
                app.MapAgentSimFaults();
            }
            if (options.Silo && options.Dashboard)
            {
                app.MapAgentSimDashboard(DashboardPath);
            }

            host = app;
        }
        else
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
            Configure(builder, options, clusterId, exportPrometheus: false);
            host = builder.Build();
        }

        try
        {
            await host.StartAsync(cancellation);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new AgentSimHost(host, clusterId, MetricsAddress(host));
    }

    /// <summary>Waits until the host is asked to stop (Ctrl+C, SIGTERM, a traffic failure, or <paramref name="cancellation"/>) and has stopped.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellation = default)
    {
        var lifetime = Services.GetRequiredService<IHostApplicationLifetime>();
        using (cancellation.Register(lifetime.StopApplication))
        {
            await _host.WaitForShutdownAsync(CancellationToken.None);
        }
    }

    /// <summary>Stops the silo and the endpoint; safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken cancellation = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            try
            {
                await _host.StopAsync(cancellation);
            }
            finally
            {
                _host.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    private static void Configure(IHostApplicationBuilder builder, AgentSimHostOptions options, string clusterId, bool exportPrometheus)
    {
        if (options.Configuration is { } configuration)
        {
            builder.Configuration.AddConfiguration(configuration);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);

        // In a freshly started embedded silo the watchdog's first check can warn of starvation that did not happen
        // (seen: "not completed for 00:22:09" a few seconds after start); that warning would only confuse CLI users.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.AddAgentSimTelemetry(exportPrometheus);
        if (options.Silo)
        {
            var (siloPort, gatewayPort) = FreePorts.ForSilo(options.SiloPort, options.GatewayPort);
            builder.UseOrleans(silo =>
            {
                if (options.Clustering == ClusteringKind.Redis)
                {
                    var redis = options.Redis ?? throw new ArgumentException("Redis clustering needs the Redis server's address.", nameof(options));
                    var (address, anyAddress) = Advertised(options.AdvertisedAddress);
                    silo.UseRedisClustering(redisOptions => redisOptions.ConfigurationOptions = ClusterTuning.RedisConfiguration(redis))
                        .Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (clusterId, clusterId))
                        .ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: anyAddress)
                        .Configure<ClusterMembershipOptions>(ClusterTuning.Apply)
                        .AddRedisGrainStorageAsDefault(storage => storage.ConfigurationOptions = ClusterTuning.RedisConfiguration(redis));
                    silo.Services.AddSingleton(_ => new ClusterStore(clusterId, StackExchange.Redis.ConnectionMultiplexer.Connect(ClusterTuning.RedisConfiguration(redis))));
                }
                else
                {
                    silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: clusterId, clusterId: clusterId)
                        .AddMemoryGrainStorageAsDefault();
                    silo.Services.AddSingleton(_ => new ClusterStore(clusterId, null));
                }

                silo.AddAgentSimGrains();
                if (options.Dashboard)
                {
                    silo.AddDashboard();
                }
            });
            builder.Services.AddSingleton<ILiveMetrics>(sp => exportPrometheus ? new LiveMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()) : new NoLiveMetrics());
            // The conversation ledger: the cluster's (in Redis) with Redis clustering, this silo's counters alone otherwise.
            builder.Services.AddSingleton(sp => new ConversationLedger(
                sp.GetRequiredService<ClusterStore>(),
                sp.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToParsableString(),
                sp.GetRequiredService<ILiveMetrics>(),
                sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddSingleton(sp => new LiveSilo(sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<ILiveMetrics>(), options.Live is { } live
                ? new LiveRun(
                    live.World,
                    live.TimeScale,
                    new LiveConversations(live.MaxInFlight, live.Retained, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILiveMetrics>(), sp.GetRequiredService<ConversationLedger>()),
                    sp.GetRequiredService<ISimulationObserverFactory>().Create(live.World),
                    sp.GetRequiredService<TimeProvider>())
                : null, sp.GetRequiredService<ConversationLedger>()));

            // Survivors take a lost silo's conversations over; a stopping silo ends its own when it is the last.
            builder.Services.AddSingleton<ConversationTakeover>();
            builder.Services.AddSingleton<Orleans.ILifecycleParticipant<Orleans.Runtime.ISiloLifecycle>>(sp => sp.GetRequiredService<ConversationTakeover>());
            if (options.Live is { } ownTraffic)
            {
                // Resolving the service makes the silo's LiveSilo, and with it the clock, as the host starts.
                builder.Services.AddSingleton(ownTraffic);
                builder.Services.AddHostedService<LiveTrafficService>();
            }

            if (options.Traffic is { } traffic)
            {
                builder.Services.AddSingleton(traffic);
                builder.Services.AddSingleton<TrafficService>();
                builder.Services.AddHostedService(sp => sp.GetRequiredService<TrafficService>());
            }
        }
    }

    /// <summary>The address a Redis-clustered silo advertises, and whether it listens on every interface (only when one is given).</summary>
    private static (IPAddress Address, bool AnyAddress) Advertised(string? advertised)
    {
        if (advertised is null)
        {
            return (IPAddress.Loopback, false);
        }

        if (IPAddress.TryParse(advertised, out var ip))
        {
            return (ip, true);
        }

        var addresses = Dns.GetHostAddresses(advertised);
        return (addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"The host name '{advertised}' resolves to no address.", nameof(advertised)), true);
    }

    private static Uri? MetricsAddress(IHost host)
    {
        var addresses = host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault();
        return first is null ? null : new Uri(new Uri(first), AgentSimTelemetry.MetricsPath);
    }
}
