using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AgentSim.LoadTests.Scenarios;

namespace AgentSim.LoadTests.Targets;

/// <summary>
/// The silo's HTTP ingress. A start step is <c>POST /api/conversations</c> (the feed's choices as its JSON body; 202 is
/// success and the id comes from <c>Location</c>), a status step <c>GET /api/conversations/{id}</c> (200), a converse
/// step <c>POST /api/conversations?wait=true</c> (200 once the conversation has ended; its outcome is the kind).
/// </summary>
public sealed class HttpTarget : ILoadTarget
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    private readonly HttpClient _http;
    private readonly Uri _uri;
    private readonly Uri _wait;

    /// <summary>Targets <paramref name="url"/>: a bare base address gets <c>/api/conversations</c> appended, any other path is used as given.</summary>
    public HttpTarget(Uri url)
    {
        _uri = url.AbsolutePath is "" or "/" ? new Uri(url, "/api/conversations") : url;
        _wait = new UriBuilder(_uri) { Query = "wait=true" }.Uri;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = int.MaxValue,
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <inheritdoc />
    public string Name => _uri.ToString();

    /// <summary>The address posted to.</summary>
    public Uri Url => _uri;

    /// <inheritdoc />
    public ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation) => SendAsync(LoadRequest.Start, cancellation);

    /// <inheritdoc />
    public async ValueTask<TargetOutcome> SendAsync(LoadRequest request, CancellationToken cancellation)
    {
        try
        {
            switch (request.Step)
            {
                case LoadStep.Status:
                    {
                        using var response = await _http.GetAsync(new Uri(_uri.ToString().TrimEnd('/') + "/" + request.ConversationId), HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
                        var status = (int)response.StatusCode;
                        return new TargetOutcome(status == 200, status.ToString(CultureInfo.InvariantCulture), request.ConversationId);
                    }

                case LoadStep.Converse:
                    {
                        using var message = Post(_wait, request.Item);
                        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellation).ConfigureAwait(false);
                        var status = (int)response.StatusCode;
                        if (status != 200)
                        {
                            return new TargetOutcome(false, status.ToString(CultureInfo.InvariantCulture));
                        }

                        var view = await response.Content.ReadFromJsonAsync<ConversationView>(Json, cancellation).ConfigureAwait(false);
                        return new TargetOutcome(true, view?.Outcome ?? "ended", view?.Id.ToString(CultureInfo.InvariantCulture));
                    }

                default:
                    {
                        using var message = Post(_uri, request.Item);
                        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
                        var status = (int)response.StatusCode;
                        var location = response.Headers.Location?.OriginalString;
                        var id = location is null ? null : location[(location.LastIndexOf('/') + 1)..];
                        return new TargetOutcome(status == 202, status.ToString(CultureInfo.InvariantCulture), id);
                    }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            return new TargetOutcome(false, ex.GetType().Name);
        }
    }

    /// <inheritdoc />
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        var ready = new Uri(_uri, "/health/ready");
        var until = DateTime.UtcNow + timeout;
        string last = "no answer";
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var response = await _http.GetAsync(ready, cancellation).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(200, cancellation).ConfigureAwait(false);
        }

        throw new TimeoutException($"{ready} was not ready within {timeout.TotalSeconds:0.#} s (last answer: {last})");
    }

    /// <inheritdoc />
    public async Task<long?> InFlightAsync(CancellationToken cancellation)
    {
        try
        {
            const string name = "agentsim_conversations_in_flight";
            var text = Simulation.PrometheusText.Parse(await _http.GetStringAsync(new Uri(_uri, "/metrics"), cancellation).ConfigureAwait(false));
            return text.Has(name) ? (long)text.Sum(name) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static HttpRequestMessage Post(Uri uri, FeedItem item) => new(HttpMethod.Post, uri)
    {
        Content = item.IsEmpty ? null : JsonContent.Create(new Body(item.Channel, item.Intent, item.Tier), options: Json),
    };

    private sealed record Body(string? Channel, string? Intent, string? Tier);

    private sealed record ConversationView(long Id, string? Outcome);
}
