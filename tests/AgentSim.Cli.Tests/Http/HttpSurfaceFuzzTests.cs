using AgentSim.Scenarios;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AgentSim.Host.Hosting;

namespace AgentSim.Cli.Tests.Http;

/// <summary>
/// Seeded random requests against a real silo host (127.0.0.1, a free port, a unique cluster id), with and without the
/// dashboard. Every answer: no 5xx but a 503 with Retry-After; every 4xx the pipeline writes is a problem details body
/// (<c>application/problem+json</c> with its status; only Kestrel's own rejections of malformed requests — 400, 413, 414,
/// 431 — come without one); a method a route does not take gets 405 with exactly its methods in Allow; a path no route
/// serves gets 404. Set AGENTSIM_FUZZ_SEED to replay a failing seed.
/// </summary>
[Collection(nameof(HostServerCollection))]
public sealed class HttpSurfaceFuzzTests
{
    private const int RequestsPerHost = 3000;
    private const int Concurrency = 8;
    private static readonly int[] KestrelRejections = [400, 413, 414, 431];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Fuzz_WholeHttpSurface_AnswersAsHttpSaysAndNever5xx(bool dashboard)
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = Environment.GetEnvironmentVariable("AGENTSIM_FUZZ_SEED") is { Length: > 0 } given
            ? int.Parse(given, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        await using var host = await AgentSimHost.StartAsync(
            new AgentSimHostOptions
            {
                Urls = "http://127.0.0.1:0", Dashboard = dashboard, ClusterId = $"fuzz-{Guid.NewGuid():N}",

                // The ingress runs the baseline in real time; at most 500 in flight, so the fuzz also meets 503 + Retry-After.
                Live = new LiveTraffic(CompiledScenario.Compile(ScenarioSource.Resolve("baseline").With(null, 1, conversations: 1), null).World, 1, 0, 500, 1000),
            }, ct);
        var server = host.BaseUri!;
        IReadOnlyList<HttpRoute> routes = dashboard ? [.. HttpSurface.Routes, .. HttpSurface.DashboardRoutes] : HttpSurface.Routes;
        IReadOnlyList<string> unserved = dashboard ? HttpSurface.UnservedPaths : [.. HttpSurface.UnservedPaths, .. HttpSurface.DashboardRoutes.Select(r => r.Template.Replace("{*rest}", "{id}", StringComparison.Ordinal))];
        var generator = new HttpFuzzGenerator(seed, routes, unserved);
        var requests = Enumerable.Range(0, RequestsPerHost).Select(_ => generator.Next()).ToList();

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = Concurrency })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var failures = new ConcurrentBag<(int Index, string Problem)>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (i, token) =>
        {
            var request = requests[i];
            try
            {
                var response = request.Raw ? await RawHttp.SendAsync(server, request, token) : await SendAsync(http, server, request, token);
                if (response is null)
                {
                    // Kestrel closes the connection without a word only for a request it cannot parse at all.
                    if (!request.Raw)
                    {
                        failures.Add((i, "no answer"));
                    }

                    return;
                }

                if (Problem(request, response) is { } problem)
                {
                    failures.Add((i, $"{problem}; got {response.Status} {response.ContentType} Allow: {response.Allow} {Truncate(response.Body)}"));
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !token.IsCancellationRequested)
            {
                failures.Add((i, $"{ex.GetType().Name}: {ex.Message}"));
            }
        });
        clock.Stop();

        var report = failures.OrderBy(f => f.Index).Take(25).Select(f => $"#{f.Index} {requests[f.Index]}: {f.Problem}");
        Assert.True(
            failures.IsEmpty,
            $"seed {seed} (replay with AGENTSIM_FUZZ_SEED={seed}), dashboard {dashboard}: {failures.Count} of {requests.Count} answers broke the rules:{Environment.NewLine}{string.Join(Environment.NewLine, report)}");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}, dashboard {dashboard}: {requests.Count} requests in {clock.Elapsed.TotalSeconds:F2} s ({requests.Count / clock.Elapsed.TotalSeconds:F0}/s)"));
    }

    // What is wrong with the answer, or null.
    private static string? Problem(FuzzRequest request, FuzzResponse response)
    {
        var status = response.Status;
        if (status >= 500 && !(status == 503 && response.RetryAfter is not null))
        {
            return "a 5xx (only 503 with Retry-After may be)";
        }

        if (status is >= 400 and < 500 && request.Method != "HEAD" && ProblemBody(request, response, status) is { } bodyProblem)
        {
            return bodyProblem;
        }

        if (request.Route is { } route)
        {
            if (!route.Methods.Contains(request.Method, StringComparer.Ordinal))
            {
                return status == 405 && response.Allow == string.Join(", ", route.Methods)
                    ? null
                    : $"{request.Method} is not a method of {route}: expected 405 with Allow: {string.Join(", ", route.Methods)}";
            }

            return status < 400 || (status == 404 && route.MayNotFind) || (status is >= 400 and < 500 && route.ClientErrors) ? null : $"expected success from {route}";
        }

        return request.NotFound && status != 404 ? "expected 404: no route serves this path" : null;
    }

    private static string? ProblemBody(FuzzRequest request, FuzzResponse response, int status)
    {
        if (response.ContentType is null && response.Body.Length == 0)
        {
            // Kestrel's own: a malformed request, or the asterisk form (*) with a method other than OPTIONS (405, Allow: OPTIONS).
            return KestrelRejections.Contains(status) || (status == 405 && request.Target.StartsWith('*'))
                ? null
                : "a 4xx without a body (only Kestrel's own rejections may be)";
        }

        if (response.ContentType != "application/problem+json")
        {
            return "a 4xx that is not application/problem+json";
        }

        try
        {
            using var json = JsonDocument.Parse(response.Body);
            return json.RootElement.TryGetProperty("status", out var value) && value.TryGetInt32(out var code) && code == status
                ? null
                : "a problem body without the answer's status";
        }
        catch (JsonException ex)
        {
            return $"a problem body that is not JSON ({ex.Message})";
        }
    }

    private static async Task<FuzzResponse?> SendAsync(HttpClient http, Uri server, FuzzRequest request, CancellationToken cancellation)
    {
        Uri uri;
        try
        {
            uri = new Uri(server.GetLeftPart(UriPartial.Authority) + request.Target);
        }
        catch (UriFormatException)
        {
            return await RawHttp.SendAsync(server, request, cancellation);
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        // Headers first: a dashboard route could stream; bodies are read only when short enough to matter (errors, small JSON).
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        return new FuzzResponse(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null,
            response.Headers.RetryAfter?.ToString(),
            text);
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
