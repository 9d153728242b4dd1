using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans.Dashboard;

namespace AgentSim.Host.Http;

/// <summary>
/// The Orleans Dashboard's endpoints, with the answers it gets wrong put right: its silo routes
/// (<c>SiloProperties</c>, <c>SiloMetadata</c>, <c>SiloCounters</c>, <c>SiloStats</c>, <c>HistoricalStats</c>) take
/// the rest of the path as a silo address and, in Orleans 10.4, throw for one that does not parse (the proxy grain's
/// constructor calls <c>SiloAddress.FromParsableString</c>), which the pipeline would answer 500; here that is a 404
/// problem naming the address.
/// </summary>
public static class DashboardEndpoints
{
    // The catch-all route values the dashboard's silo routes read as a silo address.
    private static readonly string[] SiloAddressRouteValues = ["address", "path"];

    /// <summary>Maps the dashboard under <paramref name="path"/>, for GET and HEAD (the dashboard maps GET only; HTTP asks for HEAD wherever GET is served).</summary>
    public static RouteGroupBuilder MapAgentSimDashboard(this IEndpointRouteBuilder endpoints, string path)
    {
        var group = endpoints.MapOrleansDashboard(routePrefix: path).ForGetAndHead();
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && SiloAddress(context.HttpContext) is { } address)
            {
                return Results.Problem(detail: $"no silo with the address '{address}' in this cluster", statusCode: StatusCodes.Status404NotFound);
            }
        });
        return group;
    }

    private static string? SiloAddress(HttpContext context) =>
        SiloAddressRouteValues.Select(key => context.GetRouteValue(key) as string).FirstOrDefault(value => value is not null);
}
