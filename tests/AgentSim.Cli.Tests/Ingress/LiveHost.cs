using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AgentSim.Cli.Tests.Telemetry;
using AgentSim.Grains.Live;
using AgentSim.Host.Hosting;
using AgentSim.Scenarios;

namespace AgentSim.Cli.Tests.Ingress;

/// <summary>A real silo host on a free loopback port running a preset on the real-time clock, with an HTTP client for its ingress.</summary>
internal sealed class LiveHost : IAsyncDisposable
{
    private LiveHost(AgentSimHost host, HttpClient http)
    {
        Host = host;
        Http = http;
    }

    public AgentSimHost Host { get; }

    public HttpClient Http { get; }

    public LiveRun Run => ((LiveSilo)Host.Services.GetService(typeof(LiveSilo))!).Run!;

    public static async Task<LiveHost> StartAsync(string preset, double timeScale, int maxInFlight = LiveConversations.DefaultLimit, double rate = 0, bool scenario = true)
    {
        var world = CompiledScenario.Compile(ScenarioSource.Resolve(preset).With(null, 1, conversations: 1), null).World;
        var host = await AgentSimHost.StartAsync(new AgentSimHostOptions
        {
            MetricsPort = 0,
            Live = scenario ? new LiveTraffic(world, timeScale, rate, maxInFlight, LiveConversations.DefaultRetained) : null,
        }, TestContext.Current.CancellationToken);
        return new LiveHost(host, new HttpClient { BaseAddress = host.BaseUri, Timeout = TimeSpan.FromSeconds(60) });
    }

    public async Task<JsonElement> WaitForAsync(string body, string query = "?wait=true")
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync("/api/conversations" + query, content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<double> MetricAsync(string name, string? label = null, string? value = null)
    {
        var text = await Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        return PrometheusText.Parse(text)
            .Where(s => s.Name == name && (label is null || (s.Labels.TryGetValue(label, out var v) && v == value)))
            .Sum(s => double.Parse(s.Value, CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
