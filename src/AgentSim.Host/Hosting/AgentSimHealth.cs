using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace AgentSim.Host.Hosting;

/// <summary>Liveness and readiness endpoints: live while the process serves HTTP, ready once the silo is active.</summary>
public static class AgentSimHealth
{
    /// <summary>Liveness: 200 while the process answers.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Readiness: 200 once the local silo is active, 503 before (and while it shuts down).</summary>
    public const string ReadyPath = "/health/ready";

    private const string ReadyTag = "ready";

    /// <summary>Registers the health checks; with <paramref name="silo"/> readiness waits for the silo to be active.</summary>
    public static IServiceCollection AddAgentSimHealthChecks(this IServiceCollection services, bool silo)
    {
        var checks = services.AddHealthChecks();
        if (silo)
        {
            checks.AddCheck<SiloActiveHealthCheck>("silo", tags: [ReadyTag]);
        }

        return services;
    }

    /// <summary>Maps <see cref="LivePath"/> (no checks) and <see cref="ReadyPath"/> (the checks tagged ready).</summary>
    public static WebApplication MapAgentSimHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
