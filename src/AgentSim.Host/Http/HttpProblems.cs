using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AgentSim.Host.Http;

/// <summary>
/// Error answers of the silo's HTTP surface, all RFC 9457 problem details (<c>application/problem+json</c>): a status
/// code without a body (404 for an unknown path, 405 for a method a route does not take) gets one, and an exception
/// becomes a problem whose status says whose mistake it was (4xx for a bad request, 500 only for the server's own).
/// </summary>
public static class HttpProblems
{
    /// <summary>Media type of every error body.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>Registers the problem details service and <see cref="ProblemExceptionHandler"/>.</summary>
    public static IServiceCollection AddAgentSimHttpProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>Puts the exception handler and the status code pages first in the pipeline, so every error answer has a problem body.</summary>
    public static WebApplication UseAgentSimHttpProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode));
        return app;
    }

    /// <summary>
    /// Writes a problem with <paramref name="status"/> (title from the status), whatever the request's <c>Accept</c> says:
    /// the problem details service writes it when the client accepts JSON, otherwise it is written as JSON directly.
    /// </summary>
    public static Task WriteAsync(HttpContext context, int status, string? detail = null) =>
        Results.Problem(detail: detail, statusCode: status).ExecuteAsync(context);
}
