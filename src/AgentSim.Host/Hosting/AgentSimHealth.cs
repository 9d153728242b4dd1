using System.Text;
using AgentSim.Host.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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

    /// <summary>Seconds a client not yet served is told to wait before asking again (<c>Retry-After</c> of a 503).</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>
    /// Maps <see cref="LivePath"/> (no checks) and <see cref="ReadyPath"/> (the checks tagged ready), for GET and HEAD
    /// only (other methods get 405 with <c>Allow</c>); healthy answers the text <c>Healthy</c>, otherwise a 503 problem
    /// with <c>Retry-After</c>.
    /// </summary>
    public static WebApplication MapAgentSimHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).ForGetAndHead();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).ForGetAndHead();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy)
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(report.Status.ToString(), Encoding.UTF8);
        }

        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var detail = string.Join("; ", report.Entries.Select(entry => entry.Value.Description ?? entry.Key));
        return HttpProblems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, $"{report.Status}: {detail}");
    }
}
