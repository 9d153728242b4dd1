using AgentSim.Grains.Live;
using AgentSim.Host.Hosting;
using AgentSim.LoadTests.Scenarios;
using AgentSim.Scenarios;

namespace AgentSim.LoadTests.Targets;

/// <summary>
/// A real AgentSim silo the driver hosts itself (loopback, free ports, a unique cluster id) running a scenario on the
/// real-time clock with no arrivals of its own; the driver loads its HTTP ingress.
/// </summary>
public sealed class InProcessTarget : ILoadTarget
{
    private readonly AgentSimHost _host;
    private readonly HttpTarget _http;

    private InProcessTarget(AgentSimHost host, string scenario)
    {
        _host = host;
        _http = new HttpTarget(host.BaseUri!);
        Name = $"inprocess ({scenario}, {host.BaseUri})";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The silo's base address (its <c>/metrics</c> and ingress).</summary>
    public Uri BaseUri => _host.BaseUri!;

    /// <summary>Starts a silo running <paramref name="scenario"/> (a preset or a file) at <paramref name="timeScale"/>.</summary>
    public static async Task<InProcessTarget> StartAsync(string scenario, double timeScale, CancellationToken cancellation)
    {
        var world = CompiledScenario.Compile(ScenarioSource.Resolve(scenario).With(null, 1, conversations: 1), null).World;
        var host = await AgentSimHost.StartAsync(new AgentSimHostOptions
        {
            MetricsPort = 0,
            Live = new LiveTraffic(world, timeScale, 0, LiveConversations.DefaultLimit, LiveConversations.DefaultRetained),
        }, cancellation).ConfigureAwait(false);
        return new InProcessTarget(host, scenario);
    }

    /// <inheritdoc />
    public ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation) => _http.SendAsync(cancellation);

    /// <inheritdoc />
    public ValueTask<TargetOutcome> SendAsync(LoadRequest request, CancellationToken cancellation) => _http.SendAsync(request, cancellation);

    /// <inheritdoc />
    public Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellation) => _http.WaitReadyAsync(timeout, cancellation);

    /// <inheritdoc />
    public Task<long?> InFlightAsync(CancellationToken cancellation) => _http.InFlightAsync(cancellation);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _http.DisposeAsync().ConfigureAwait(false);
        await _host.DisposeAsync().ConfigureAwait(false);
    }
}
