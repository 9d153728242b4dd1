using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AgentSim.Cli.Tests.Telemetry;
using AgentSim.Grains.Live;
using AgentSim.Host.Hosting;
using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Cli.Tests.Faults;

/// <summary>
/// A real silo host on a free loopback port (unique cluster id) serving a preset on the real-time clock, its scripted
/// faults removed (so only runtime faults act), with helpers for <c>/api/faults</c> and <c>/metrics</c>.
/// </summary>
internal sealed class FaultSilo : IAsyncDisposable
{
    private FaultSilo(AgentSimHost host)
    {
        Host = host;
        Http = new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public AgentSimHost Host { get; }

    public HttpClient Http { get; }

    public Uri BaseUri => Host.BaseUri!;

    public LiveRun Run => ((LiveSilo)Host.Services.GetService(typeof(LiveSilo))!).Run!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts a silo on <paramref name="preset"/>, without its timeline faults unless <paramref name="timeline"/>; <paramref name="failover"/> gives every route a failover to it.</summary>
    public static async Task<FaultSilo> StartAsync(string preset = "baseline", double timeScale = 100, double rate = 0, string? failover = null, bool scenario = true, bool timeline = false)
    {
        var config = Presets.Load(preset);
        if (!timeline)
        {
            config.Faults.Clear();
        }

        if (failover is not null)
        {
            foreach (var route in config.Routing.Values)
            {
                route.Failover = failover;
            }
        }

        var world = World.Compile(config);
        var host = await AgentSimHost.StartAsync(new AgentSimHostOptions
        {
            MetricsPort = 0,
            Live = scenario ? new LiveTraffic(world, timeScale, rate, LiveConversations.DefaultLimit, 1_000) : null,
        }, Ct);
        return new FaultSilo(host);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        var response = await Http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body, response);
    }

    public Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(string json) => SendAsync(HttpMethod.Post, "/api/faults", json);

    /// <summary>Injects a fault and returns its id (asserting 201).</summary>
    public async Task<long> AddAsync(string json)
    {
        var (status, body, response) = await PostAsync(json);
        Assert.True(status == HttpStatusCode.Created, $"{(int)status}: {body}");
        response.Dispose();
        return body.GetProperty("id").GetInt64();
    }

    public async Task<JsonElement[]> ListAsync()
    {
        var (status, body, response) = await SendAsync(HttpMethod.Get, "/api/faults");
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.GetProperty("faults").EnumerateArray()];
    }

    /// <summary>Sum of the samples of <paramref name="name"/> whose labels include every pair in <paramref name="labels"/> ("key=value").</summary>
    public async Task<double> MetricAsync(string name, params string[] labels)
    {
        var text = await Http.GetStringAsync("/metrics", Ct);
        return Samples(text, name, labels).Sum(s => double.Parse(s.Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The samples of <paramref name="name"/> now.</summary>
    public async Task<IReadOnlyList<Sample>> SamplesAsync(string name) => [.. Samples(await Http.GetStringAsync("/metrics", Ct), name)];

    /// <summary>Polls <paramref name="condition"/> every 50 ms until it holds or <paramref name="seconds"/> pass; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, double seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    private static IEnumerable<Sample> Samples(string text, string name, params string[] labels) =>
        PrometheusText.Parse(text).Where(s => s.Name == name && labels.All(l =>
        {
            var i = l.IndexOf('=', StringComparison.Ordinal);
            return s.Labels.TryGetValue(l[..i], out var v) && v == l[(i + 1)..];
        }));
}
