using System.Diagnostics;

namespace AgentSim.Observability.Tests.Live;

/// <summary>
/// One silo generating traffic (the built agentsim, baseline at 20 conversations per simulated second, 30× real time),
/// the load driver loading its ingress at a few conversations a second with its own /metrics, and one real Prometheus
/// scraping both every second; ready once every panel query has data or a deadline has passed.
/// </summary>
public sealed class LiveStackFixture : IAsyncLifetime
{
    private static readonly TimeSpan DataDeadline = TimeSpan.FromSeconds(45);

    /// <summary>The silo.</summary>
    public SiloProcess Silo { get; private set; } = null!;

    /// <summary>The load driver (the Capacity dashboard's "Load driver" row).</summary>
    public LoadDriverRun Driver { get; private set; } = null!;

    /// <summary>The Prometheus server.</summary>
    public PrometheusProcess Prometheus { get; private set; } = null!;

    /// <summary>Prometheus' HTTP API.</summary>
    public PrometheusApi Api { get; private set; } = null!;

    /// <summary>Every panel query of every dashboard.</summary>
    public IReadOnlyList<PanelQuery> Queries { get; } = PanelQueries.Load(RepoPaths.Dashboards);

    /// <summary>How long it took from starting Prometheus until every panel had data (or the deadline).</summary>
    public TimeSpan WaitedForData { get; private set; }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        // Resolve both tools first, so a missing one fails with its install hint before anything starts.
        _ = Tools.Prometheus;
        Silo = await SiloProcess.StartAsync("--dashboard", "--scenario", "baseline", "--rate", "20", "--time-scale", "30", "--parallelism", "2");
        Driver = LoadDriverRun.Start(Silo.BaseUri, rate: 5);
        Prometheus = await PrometheusProcess.StartAsync(Silo.BaseUri.Authority, Driver.MetricsAuthority);
        Api = new PrometheusApi(Prometheus.BaseUri);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < DataDeadline && (await MissingAsync()).Count > 0)
        {
            await Task.Delay(1000);
        }

        WaitedForData = waited.Elapsed;
    }

    /// <summary>The panel queries that have no data right now, with what they returned.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(CancellationToken cancellation = default)
    {
        var missing = new List<string>();
        foreach (var query in Queries)
        {
            var result = await Api.QueryAsync(query.Expr, cancellation);
            if (!result.HasData)
            {
                missing.Add($"{query}: {result}: {query.Expr}");
            }
        }

        return missing;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (Prometheus is not null)
        {
            await Prometheus.DisposeAsync();
        }

        if (Driver is not null)
        {
            await Driver.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }
}
