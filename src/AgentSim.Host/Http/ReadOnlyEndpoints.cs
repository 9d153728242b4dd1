using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AgentSim.Host.Http;

/// <summary>Restricts endpoints mapped for every method (health checks, the Prometheus exporter) to the methods that read.</summary>
public static class ReadOnlyEndpoints
{
    private static readonly HttpMethodMetadata GetAndHead = new(["GET", "HEAD"]);

    /// <summary>Lets only GET and HEAD reach the endpoint; routing answers any other method 405 with <c>Allow: GET, HEAD</c>.</summary>
    public static TBuilder ForGetAndHead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(GetAndHead);
}
