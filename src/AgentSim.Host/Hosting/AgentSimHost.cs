using System.Net;
using AgentSim.Grains;
using AgentSim.Host.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentSim.Host.Hosting;

/// <summary>
/// An embedded AgentSim host: an in-process Orleans silo (localhost clustering on free ports, a unique cluster id,
/// in-memory state) and, optionally, the Prometheus endpoint on 127.0.0.1. Start it, use its grain factory, stop it.
/// </summary>
public sealed class AgentSimHost : IAsyncDisposable
{
    private readonly IHost _host;
    private int _stopped;

    private AgentSimHost(IHost host, string clusterId, Uri? metricsUri)
    {
        _host = host;
        ClusterId = clusterId;
        MetricsUri = metricsUri;
    }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Cluster id of the silo.</summary>
    public string ClusterId { get; }

    /// <summary>Full address of the metrics endpoint, or null when none is served.</summary>
    public Uri? MetricsUri { get; }

    /// <summary>The silo's cluster client.</summary>
    public IClusterClient Client => Services.GetRequiredService<IClusterClient>();

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The metrics observer factory (the same one the grains use).</summary>
    public AgentSimMetrics Metrics => Services.GetRequiredService<AgentSimMetrics>();

    /// <summary>Builds and starts a host.</summary>
    public static async Task<AgentSimHost> StartAsync(AgentSimHostOptions options, CancellationToken cancellation = default)
    {
        var clusterId = options.ClusterId ?? $"agentsim-{Guid.NewGuid():N}";
        IHost host;
        if (options.MetricsPort is { } port)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
            Configure(builder, options, clusterId, exportPrometheus: true);
            var app = builder.Build();
            app.MapAgentSimMetrics();
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
            var ports = FreePorts.Take(2);
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(ports[0], ports[1], serviceId: clusterId, clusterId: clusterId)
                .AddMemoryGrainStorageAsDefault()
                .AddAgentSimGrains());
        }
    }

    private static Uri? MetricsAddress(IHost host)
    {
        var addresses = host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault();
        return first is null ? null : new Uri(new Uri(first), AgentSimTelemetry.MetricsPath);
    }
}
