using System.Net;
using System.Net.Sockets;
using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Targets;
using AgentSim.LoadTests.Telemetry;
using AgentSim.LoadTests.Tests.Driver;

namespace AgentSim.LoadTests.Tests.Telemetry;

public sealed class DriverMetricsTests
{
    // Every label the driver's series may carry, and the values each may take: bounded sets, never an id.
    private static readonly Dictionary<string, string[]?> AllowedLabels = new()
    {
        ["otel_scope_name"] = [DriverMetrics.MeterName],
        ["target"] = ["inprocess", "noop", "http", "orleans"],
        ["scenario"] = ["baseline"],
        ["phase"] = ["warmup", "measured"],
        ["outcome"] = ["ok", "error"],
        ["le"] = null, // histogram bucket boundaries: the fixed Buckets
    };

    [Fact]
    public async Task Metrics_AfterANoopRunWithWarmup_CountExactlyWhatTheReportCounts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var endpoint = await MetricsEndpoint.StartAsync(IPAddress.Loopback, 0, "noop", null, ct);
        await using var target = new NoOpTarget();
        var settings = new DriverSettings(500, TimeSpan.FromSeconds(2), Warmup: TimeSpan.FromSeconds(1));

        var result = await new LoadDriver(target, settings) { Observer = endpoint.Metrics }.RunAsync(ct);
        var samples = await Scrape.GetAsync(endpoint.Url!, ct);

        AssertMatchesReport(result, samples);
        Assert.Equal(1000, result.Sent);
        Assert.Equal(500, samples.Sum("agentsim_load_sent_total", ("phase", "warmup")));
        Assert.Equal(0, samples.Sum("agentsim_load_target_rate"));
        Assert.Equal(0, samples.Sum("agentsim_load_in_flight"));
        AssertBoundedLabels(samples);
    }

    [Fact]
    public async Task Metrics_RunThatDropsAndFails_CountDropsAndErrorsExactly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var endpoint = await MetricsEndpoint.StartAsync(IPAddress.Loopback, 0, "noop", null, ct);
        await using var target = new AlternatingSlowTarget(TimeSpan.FromMilliseconds(100));
        var settings = new DriverSettings(400, TimeSpan.FromSeconds(2), MaxInFlight: 10);

        var result = await new LoadDriver(target, settings) { Observer = endpoint.Metrics }.RunAsync(ct);
        var samples = await Scrape.GetAsync(endpoint.Url!, ct);

        Assert.True(result.Dropped > 0, "the run was meant to drop arrivals at the cap");
        Assert.True(result.Errors > 0, "the run was meant to have errors");
        AssertMatchesReport(result, samples);
    }

    [Fact]
    public async Task Metrics_AfterARunOnARealInProcessSilo_CountExactlyWhatTheReportCounts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var endpoint = await MetricsEndpoint.StartAsync(IPAddress.Loopback, 0, "inprocess", "baseline", ct);
        await using var target = await InProcessTarget.StartAsync("baseline", 100, ct);
        var settings = new DriverSettings(100, TimeSpan.FromSeconds(2), Warmup: TimeSpan.FromSeconds(0.5));

        var result = await new LoadDriver(target, settings) { Observer = endpoint.Metrics }.RunAsync(ct);
        var samples = await Scrape.GetAsync(endpoint.Url!, ct);

        Assert.Equal(200, result.Ok);
        AssertMatchesReport(result, samples);
        Assert.All(samples.Where(s => s.Name.StartsWith("agentsim_load_", StringComparison.Ordinal)), s => Assert.True(s.Has(("target", "inprocess"), ("scenario", "baseline")), s.ToString()));
        AssertBoundedLabels(samples);
    }

    [Fact]
    public async Task RunAsync_WithMetricsPort0_ServesTheRunsMetricsWhileItRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        using var output = new LineSignal();
        using var error = new StringWriter();

        var run = LoadTestRunner.RunAsync(["--target", "noop", "--rate", "50", "--duration", "3s", "--metrics-port", "0"], output, error, ct);
        var url = new Uri(await output.WaitForAsync("Driver metrics: ", TimeSpan.FromSeconds(30)));
        await output.WaitForAsync("  s1 ", TimeSpan.FromSeconds(30));
        var samples = await Scrape.GetAsync(url, ct);
        var code = await run;

        Assert.True(code == 0, error.ToString());
        Assert.Equal(50, samples.Sum("agentsim_load_target_rate", ("target", "noop")));
        Assert.True(samples.Sum("agentsim_load_sent_total", ("phase", "measured")) >= 50, string.Join(Environment.NewLine, samples));
        AssertBoundedLabels(samples);
        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(url, ct)); // gone with the run
    }

    [Fact]
    public async Task RunAsync_FindCapacityWithMetricsPort_ExportsEachStepsRate()
    {
        var ct = TestContext.Current.CancellationToken;
        using var output = new LineSignal();
        using var error = new StringWriter();

        var run = LoadTestRunner.RunAsync(["--target", "noop", "--find-capacity", "--rate", "40", "--step", "40", "--max-rate", "80", "--step-duration", "2s", "--metrics-port", "0"], output, error, ct);
        var url = new Uri(await output.WaitForAsync("Driver metrics: ", TimeSpan.FromSeconds(30)));
        await output.WaitForAsync("  step 1 ", TimeSpan.FromSeconds(30));
        await Task.Delay(500, ct);
        var samples = await Scrape.GetAsync(url, ct);
        var code = await run;

        Assert.True(code == 0, error.ToString());
        Assert.Equal(80, samples.Sum("agentsim_load_target_rate"));
        Assert.True(samples.Sum("agentsim_load_sent_total", ("phase", "measured")) >= 80, string.Join(Environment.NewLine, samples));
    }

    [Fact]
    public async Task RunAsync_MetricsPortInUse_NamesTheFlagAndExits2()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync(["--target", "noop", "--duration", "1s", "--metrics-port", port], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(LoadTestRunner.BadInput, code);
        Assert.Contains($"--metrics-port {port}", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--metrics-port", "70000")]
    [InlineData("--metrics-port", "x")]
    [InlineData("--metrics-host", "localhost:9")]
    public async Task RunAsync_BadMetricsFlag_NamesItAndExits2(string flag, string value)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync([flag, value], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(LoadTestRunner.BadInput, code);
        Assert.Contains(flag, error.ToString(), StringComparison.Ordinal);
    }

    private static void AssertMatchesReport(LoadResult result, IReadOnlyList<Sample> samples)
    {
        var measured = ("phase", "measured");
        Assert.Equal(result.Ok, samples.Sum("agentsim_load_requests_total", measured, ("outcome", "ok")));
        Assert.Equal(result.Errors, samples.Sum("agentsim_load_requests_total", measured, ("outcome", "error")));
        Assert.Equal(result.Dropped, samples.Sum("agentsim_load_dropped_total", measured));
        Assert.Equal(result.Sent, samples.Sum("agentsim_load_sent_total", measured));
        Assert.Equal(result.ResponseTime.Count, samples.Sum("agentsim_load_response_seconds_count", measured));
        Assert.Equal(result.ServiceTime.Count, samples.Sum("agentsim_load_service_seconds_count", measured));
    }

    private static void AssertBoundedLabels(IReadOnlyList<Sample> samples)
    {
        var series = samples.Where(s => s.Name.StartsWith("agentsim_load_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(series);
        foreach (var sample in series)
        {
            foreach (var (label, value) in sample.Labels)
            {
                Assert.True(AllowedLabels.TryGetValue(label, out var allowed), $"unexpected label {label} on {sample}");
                Assert.True(allowed is null || allowed.Contains(value), $"label {label}=\"{value}\" is not from its bounded set, on {sample}");
            }
        }

        // The series count is fixed by those sets, not by how many requests ran.
        Assert.InRange(series.Count, 1, 2 + (2 * 2) + 2 + 2 + (2 * 2 * (DriverMetrics.Buckets.Count + 3)));
    }
}

/// <summary>Every other request fails at once; the rest succeed after <paramref name="delay"/>.</summary>
internal sealed class AlternatingSlowTarget(TimeSpan delay) : ILoadTarget
{
    private int _calls;

    public string Name => "alternating fake";

    public async ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation)
    {
        if (Interlocked.Increment(ref _calls) % 2 == 0)
        {
            return new TargetOutcome(false, "500");
        }

        await Task.Delay(delay, CancellationToken.None);
        return new TargetOutcome(true, "ok");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A writer that lets a test wait for a line starting with a prefix.</summary>
internal sealed class LineSignal : StringWriter
{
    private readonly SemaphoreSlim _written = new(0);

    public override void Write(char value)
    {
        base.Write(value);
        _written.Release();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        _written.Release();
    }

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        _written.Release();
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    /// <summary>Waits until a line starting with <paramref name="prefix"/> was written; returns the rest of it.</summary>
    public async Task<string> WaitForAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var line = ToString().Split(Environment.NewLine).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            if (line is not null)
            {
                return line[prefix.Length..];
            }

            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no line starting '{prefix}' in:{Environment.NewLine}{this}");
            await _written.WaitAsync(left);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _written.Dispose();
        }

        base.Dispose(disposing);
    }
}
