using System.Net;
using System.Text.Json;

namespace AgentSim.Cli.Tests.Http;

/// <summary>The answers issue 7 found wrong, each pinned: 500s from the dashboard, 200s to writes on read-only endpoints.</summary>
[Collection(nameof(HostServerCollection))]
public sealed class HttpSurfaceTests(DashboardHostFixture fixture) : IClassFixture<DashboardHostFixture>
{
    [Theory]
    [InlineData("dashboard/SiloCounters/garbage")]
    [InlineData("dashboard/SiloProperties/garbage")]
    [InlineData("dashboard/SiloMetadata/garbage")]
    [InlineData("dashboard/HistoricalStats/garbage")]
    public async Task Get_DashboardSiloRouteWithABadAddress_Is404ProblemNamingTheAddress(string path)
    {
        using var response = await fixture.Http.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("no silo with the address 'garbage' in this cluster", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("POST", "metrics")]
    [InlineData("PUT", "metrics")]
    [InlineData("DELETE", "metrics")]
    [InlineData("POST", "health/live")]
    [InlineData("PUT", "health/ready")]
    [InlineData("DELETE", "health/ready")]
    [InlineData("PATCH", "health/live")]
    public async Task Write_ToAReadOnlyEndpoint_Is405WithAllowGetHead(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") };
        using var response = await fixture.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        Assert.Equal(405, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("metrics")]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    [InlineData("dashboard/version")]
    public async Task Head_ReadOnlyEndpoint_Is200(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var response = await fixture.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("nothing-here", "application/json")]
    [InlineData("metrics/extra", "text/html")]
    [InlineData("api/conversations/x/y", "")]
    public async Task Get_UnknownPath_Is404ProblemWhateverTheAcceptHeader(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await fixture.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.Clone();
    }
}
