using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentSim.Host.Http;

/// <summary>
/// Turns an exception that reached the pipeline into a problem: a <see cref="BadHttpRequestException"/> (a body too
/// large, unreadable or cut off) keeps its 4xx status; anything else is the server's fault, logged and answered 500
/// without its message.
/// </summary>
public sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            await HttpProblems.WriteAsync(httpContext, bad.StatusCode, bad.Message);
            return true;
        }

        LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        await HttpProblems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogUnhandled(ILogger logger, string method, PathString path, Exception exception);
}
