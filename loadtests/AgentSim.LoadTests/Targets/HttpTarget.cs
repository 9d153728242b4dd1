using System.Globalization;

namespace AgentSim.LoadTests.Targets;

/// <summary>The silo's HTTP ingress: each request is <c>POST /api/conversations</c> with no body; 202 is success.</summary>
public sealed class HttpTarget : ILoadTarget
{
    private readonly HttpClient _http;
    private readonly Uri _uri;

    /// <summary>Targets <paramref name="url"/>: a bare base address gets <c>/api/conversations</c> appended, any other path is used as given.</summary>
    public HttpTarget(Uri url)
    {
        _uri = url.AbsolutePath is "" or "/" ? new Uri(url, "/api/conversations") : url;
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
    public async ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _uri);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return new TargetOutcome(status == 202, status.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return new TargetOutcome(false, ex.GetType().Name);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
