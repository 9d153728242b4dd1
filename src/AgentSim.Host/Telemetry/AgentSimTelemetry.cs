using AgentSim.Host.Http;
using AgentSim.Model.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AgentSim.Host.Telemetry;

/// <summary>The one place AgentSim's telemetry is configured: the AgentSim meter, Orleans' and the runtime's meters, the Prometheus exporter.</summary>
public static class AgentSimTelemetry
{
    /// <summary>Orleans' meter name.</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>Service name in the exported resource (<c>target_info</c>).</summary>
    public const string ServiceName = "agentsim";

    /// <summary>Path of the Prometheus scraping endpoint.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Registers the AgentSim instruments and the metrics observer factory grains use; with <paramref name="exportPrometheus"/>
    /// also the OpenTelemetry meter provider with the Prometheus exporter (without it no listener is attached, so recording costs almost nothing).
    /// </summary>
    public static IHostApplicationBuilder AddAgentSimTelemetry(this IHostApplicationBuilder builder, bool exportPrometheus)
    {
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<AgentSimInstruments>();
        builder.Services.TryAddSingleton<AgentSimMetrics>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ISimulationObserverFactory>(sp => sp.GetRequiredService<AgentSimMetrics>()));
        if (exportPrometheus)
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(ServiceName))
                .WithMetrics(metrics => metrics
                    .AddMeter(AgentSimInstruments.MeterName, OrleansMeterName)
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter());
        }

        return builder;
    }

    /// <summary>Serves the Prometheus text exposition at <see cref="MetricsPath"/> to GET and HEAD (other methods get 405 with <c>Allow</c>).</summary>
    public static WebApplication MapAgentSimMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).ForGetAndHead();
        return app;
    }
}
