using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AgentSim.LoadTests.Telemetry;

/// <summary>
/// The driver's <c>/metrics</c> (<c>--metrics-port</c>, <c>--metrics-host</c>): a Kestrel endpoint serving the
/// <see cref="DriverMetrics"/> meter in the Prometheus text format through OpenTelemetry's exporter, for as long as the run lasts.
/// </summary>
public sealed class MetricsEndpoint : IAsyncDisposable
{
    /// <summary>Service name in the exported resource (<c>target_info</c>).</summary>
    public const string ServiceName = "agentsim-load";

    /// <summary>Path of the scraping endpoint.</summary>
    public const string Path = "/metrics";

    private readonly WebApplication? _app;

    private MetricsEndpoint(WebApplication? app, DriverMetrics? metrics, Uri? url)
    {
        _app = app;
        Metrics = metrics;
        Url = url;
    }

    /// <summary>The instruments the driver records into, or null when no metrics are served.</summary>
    public DriverMetrics? Metrics { get; }

    /// <summary>Where the metrics are served (the real port when 0 was asked for), or null.</summary>
    public Uri? Url { get; }

    /// <summary>
    /// The endpoint <paramref name="options"/> ask for (<c>--metrics-port</c>; one serving nothing without it), printing
    /// its address to <paramref name="output"/>; or null and the problem (naming the flag) when it cannot listen.
    /// </summary>
    public static async Task<(MetricsEndpoint? Endpoint, string? Problem)> ForAsync(LoadOptions options, Targets.TargetSpec spec, TextWriter output, CancellationToken cancellation)
    {
        if (options.MetricsPort is not { } port)
        {
            return (new MetricsEndpoint(null, null, null), null);
        }

        try
        {
            var endpoint = await StartAsync(IPAddress.Parse(options.MetricsHost), port, spec.Kind, spec.Kind == "inprocess" ? options.Scenario : null, cancellation).ConfigureAwait(false);
            await output.WriteLineAsync($"Driver metrics: {endpoint.Url}").ConfigureAwait(false);
            return (endpoint, null);
        }
        catch (IOException ex)
        {
            return (null, $"--metrics-port {port}: {ex.Message}");
        }
    }

    /// <summary>
    /// Starts serving on <paramref name="host"/>:<paramref name="port"/> (0: a free port) the driver's metrics, labelled
    /// with <paramref name="target"/> and <paramref name="scenario"/> (see <see cref="DriverMetrics"/>); throws
    /// <see cref="IOException"/> when it cannot listen there.
    /// </summary>
    public static async Task<MetricsEndpoint> StartAsync(IPAddress host, int port, string target, string? scenario, CancellationToken cancellation)
    {
        // The empty builder reads no appsettings.json or ASPNETCORE_* settings: this endpoint listens where the flags say, nowhere else.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(host, port));
        builder.Services.AddRoutingCore();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(m => m.AddMeter(DriverMetrics.MeterName).AddPrometheusExporter());
        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint(Path);
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new IOException($"cannot listen on {host}:{port}: {ex.Message}", ex);
        }

        // Created once the exporter listens, so the counters' zero series are seen.
        var metrics = new DriverMetrics(target, scenario);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal)), Path);
        return new MetricsEndpoint(app, metrics, url);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        Metrics?.Dispose();
    }
}
