using AgentSim.Abstractions.Messages;
using AgentSim.Grains;
using AgentSim.Model.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

namespace AgentSim.Host.Hosting;

/// <summary>
/// An Orleans client (no silo in this process) of a cluster whose membership is in Redis: it finds the cluster's gateways
/// there, refreshes that list every <see cref="ClusterTuning.GatewayListRefreshPeriod"/>, and runs virtual-time runs on
/// the cluster's silos, which compile the run's world from the request.
/// </summary>
public sealed class AgentSimClusterClient : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly MembershipWatch _membership;
    private int _stopped;

    private AgentSimClusterClient(IHost host, MembershipWatch membership, string clusterId)
    {
        _host = host;
        _membership = membership;
        ClusterId = clusterId;
    }

    /// <summary>Cluster and service id of the cluster.</summary>
    public string ClusterId { get; }

    /// <summary>The client.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>
    /// Connects to cluster <paramref name="clusterId"/> whose membership is in the Redis server <paramref name="redis"/>
    /// (<c>HOST:PORT</c> or a StackExchange.Redis configuration string); throws when no gateway of it answers.
    /// </summary>
    public static async Task<AgentSimClusterClient> ConnectAsync(string redis, string clusterId, LogLevel minimumLogLevel = LogLevel.Warning, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(redis);
        ArgumentException.ThrowIfNullOrEmpty(clusterId);

        // An Orleans client with no gateway to connect to keeps trying for minutes; the membership table says at once.
        if (await ActiveSilosAsync(redis, clusterId) == 0)
        {
            throw new InvalidOperationException($"no silo of cluster '{clusterId}' is active in the membership table");
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        builder.UseOrleansClient(client => client
            .UseRedisClustering(options => options.ConfigurationOptions = ClusterTuning.RedisConfiguration(redis))
            .Configure<ClusterOptions>(cluster => (cluster.ClusterId, cluster.ServiceId) = (clusterId, clusterId))
            .Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = ClusterTuning.GatewayListRefreshPeriod));
        var host = builder.Build();
        MembershipWatch? membership = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(ConnectTimeout);
            await host.StartAsync(timeout.Token);
            membership = await MembershipWatch.StartAsync(redis, clusterId);
            return new AgentSimClusterClient(host, membership, clusterId);
        }
        catch
        {
            if (membership is not null)
            {
                await membership.DisposeAsync();
            }

            host.Dispose();
            throw;
        }
    }

    /// <summary>How long connecting to the cluster's gateways may take.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many silos of cluster <paramref name="clusterId"/> the membership table in Redis lists as active (the hash
    /// <c>{serviceId}/members/{clusterId}</c> of <c>Microsoft.Orleans.Clustering.Redis</c>; AgentSim's service id is its cluster id).
    /// </summary>
    public static async Task<int> ActiveSilosAsync(string redis, string clusterId)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(ClusterTuning.RedisConfiguration(redis));
        return await MembershipWatch.CountAsync(connection.GetDatabase(), clusterId, SiloStatus.Active);
    }

    /// <summary>
    /// Where a run tells of a silo lost during it and retried (one line each); unset, they are logged as warnings.
    /// </summary>
    public Action<string>? Notices { get; set; }

    /// <summary>
    /// Runs a request to completion on the cluster; <paramref name="world"/> is the request's world compiled here (the
    /// silos compile their own from the request). The cluster checkpoints the run, so a silo lost during it is waited out
    /// (<see cref="RunRecovery"/>; each retry is told to <see cref="Notices"/>) and the results are those of a run without the loss.
    /// </summary>
    public Task<RunOutcome> RunAsync(RunRequest request, World world, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        var notices = Notices ?? (line => _host.Services.GetRequiredService<ILogger<AgentSimClusterClient>>().LogWarning("{Notice}", line));
        var recovery = new RunRecovery(TimeProvider.System, (what, attempt, e) => notices(
            $"run {request.RunId}: {what} failed ({e.GetType().Name}: {e.Message.Split('\n', 2)[0].Trim()}); a silo was lost, retrying (attempt {attempt}) while the cluster recovers the run from its checkpoints"))
        {
            SiloLost = _membership.NextDeath,
        };
        return OrleansEngine.RunAsync(Client, request, world, progress, cancellation, recovery);
    }

    /// <summary>Disconnects; safe to call more than once.</summary>
    public async Task StopAsync(CancellationToken cancellation = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            try
            {
                await _membership.DisposeAsync();
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
}
