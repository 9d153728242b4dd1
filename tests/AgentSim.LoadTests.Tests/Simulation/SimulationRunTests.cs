using System.Diagnostics;
using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Reports;
using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Targets;
using AgentSim.LoadTests.Tests.Driver;

namespace AgentSim.LoadTests.Tests.Simulation;

// These count the silo's metrics exactly: a collection that runs alone, as in-process hosts share meters.
[Collection(SiloMetricsCollection.Name)]
public sealed class SimulationRunTests
{
    private const string Losses = "agentsim_context_losses_total";
    private const string Switches = "agentsim_channel_switches_total";

    [Fact]
    public async Task Run_NoNativeContext_ContextLossRateMatchesTheSilosCountersScrapedIndependently()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var target = await InProcessTarget.StartAsync("no-native-context", 100, cancel);
        var metrics = new Uri(target.BaseUri, "/metrics");
        using var http = new HttpClient();
        var before = await http.GetStringAsync(metrics, cancel);
        var probe = new SiloProbe(metrics) { Settle = TimeSpan.FromSeconds(30) };

        var result = await new LoadDriver(target, new DriverSettings(50, TimeSpan.FromSeconds(3))) { Probe = probe }.RunAsync(cancel);

        var after = await http.GetStringAsync(metrics, cancel);
        double Delta(string name) => IndependentMetrics.Sum(after, name) - IndependentMetrics.Sum(before, name);
        var sim = result.Simulation;
        Assert.NotNull(sim);
        Assert.True(sim.Available, sim.Status);
        Assert.Equal(0, sim.Failures);
        var totals = sim.Totals!;
        Assert.True(Delta(Losses) > 0, $"no context lost: {Delta(Losses)} of {Delta(Switches)} switches");
        Assert.Equal(150, Delta("agentsim_conversations_started_total"));
        Assert.Equal(150, totals.Started);
        Assert.Equal(Delta(Switches), totals.Switches);
        Assert.Equal(Delta(Losses), totals.ContextLosses);
        Assert.Equal(100.0 * Delta(Losses) / Delta(Switches), totals.ContextLossPercent, 9);
        var ended = Delta("agentsim_conversations_ended_total");
        Assert.Equal(ended, totals.Ended);
        Assert.Equal(1000.0 * Delta("agentsim_agent_rollbacks_total") / ended, totals.RollbackRate, 9);
        Assert.Equal(100.0 * Delta("agentsim_conversations_abandoned_total") / ended, totals.AbandonmentPercent, 9);

        // One row a measured second; the per-second counts add up to the cumulative ones.
        Assert.Equal(3, sim.Rows.Count);
        Assert.All(sim.Rows, r => Assert.NotNull(r.Cumulative));
        Assert.Equal(sim.Rows[^1].Cumulative!.Started, sim.Rows.Sum(r => r.InSecond!.Started));
        Assert.InRange(sim.Rows[^1].Cumulative!.Started, 100, 150);
    }

    [Fact]
    public async Task RunAsync_ContextLossThresholdOnNoNativeContext_Exits3AndTheReportsCarryTheSimulationMetrics()
    {
        var dir = NewDirectory();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await LoadTestRunner.RunAsync(
                ["--target", "inprocess", "--scenario", "no-native-context", "--rate", "100", "--duration", "4s", "--threshold", "context_loss<0.001%", "--threshold", "context_loss<=100%", "--out", dir],
                output, error, TestContext.Current.CancellationToken);

            Assert.True(code == LoadTestRunner.ThresholdsFailed, error.ToString() + output);
            Assert.Matches(@"threshold failed: context_loss<0\.001% \(measured [0-9.]+%\)", error.ToString());
            Assert.DoesNotContain("context_loss<=100%", error.ToString(), StringComparison.Ordinal);
            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"), TestContext.Current.CancellationToken);
            Assert.Matches(@"\| `context_loss<0\.001%` \| [0-9.]+% \| \*\*FAIL\*\* \|", md);
            Assert.Matches(@"\| silo context-loss rate \| [0-9.]+% of channel switches \([0-9,]+ of [0-9,]+\) \|", md);
            Assert.Contains("## Simulation metrics (from the silo)", md, StringComparison.Ordinal);
            var csv = await File.ReadAllLinesAsync(Path.Combine(dir, "report.csv"), TestContext.Current.CancellationToken);
            Assert.EndsWith("," + SimulationReport.CsvColumns, csv[0], StringComparison.Ordinal);
            Assert.Equal(5, csv.Length);
            Assert.All(csv.Skip(1), line => Assert.Equal(16, line.Split(',').Length));
            var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"), TestContext.Current.CancellationToken);
            Assert.Contains("<svg id=\"simulation-rates\"", html, StringComparison.Ordinal);
            Assert.Contains("<title>context loss % of switches</title>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("silo context-loss rate", await File.ReadAllTextAsync(Path.Combine(dir, "report.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_AbortOnContextLoss_StopsEarlyWithExit4()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var clock = Stopwatch.StartNew();

        var code = await LoadTestRunner.RunAsync(
            ["--target", "inprocess", "--scenario", "no-native-context", "--rate", "100", "--duration", "60s", "--abort-on", "context_loss<0.001%", "--abort-delay", "1s"],
            output, error, TestContext.Current.CancellationToken);

        Assert.True(code == LoadTestRunner.Aborted, error.ToString() + output);
        Assert.Matches(@"aborted: runtime threshold context_loss<0\.001% failed after [0-9]+ measured s: [0-9.]+% since the warm-up ended", error.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task RunAsync_SimulationThresholdOnOrleansTargetWithoutMetricsUrl_Exits2NamingMetricsUrl()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync(
            ["--target", "orleans:dev@127.0.0.1:30000", "--threshold", "rollback_rate<5", "--duration", "1s"],
            output, error, TestContext.Current.CancellationToken);

        Assert.Equal(LoadTestRunner.BadInput, code);
        Assert.Contains("error: --threshold 'rollback_rate<5': ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("add --metrics-url http://HOST:PORT/metrics", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MetricsUrlNotAUrl_Exits2NamingTheFlag()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync(["--target", "noop", "--metrics-url", "silo:9090"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(LoadTestRunner.BadInput, code);
        Assert.Contains("error: --metrics-url: 'silo:9090' is not an http(s) URL", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SiloMetricsUnreachable_RunCompletesRuntimeThresholdDoesNotAbortFinalOneFailsUnmeasured()
    {
        var dir = NewDirectory();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await LoadTestRunner.RunAsync(
                ["--rate", "20", "--duration", "3s", "--metrics-url", "http://127.0.0.1:9/metrics", "--abort-on", "context_loss<1%", "--abort-delay", "1s", "--threshold", "rollback_rate<5", "--out", dir],
                output, error, _ => new DelayedTarget(TimeSpan.FromMilliseconds(5)), TestContext.Current.CancellationToken);

            Assert.True(code == LoadTestRunner.ThresholdsFailed, error.ToString() + output);
            Assert.DoesNotContain("aborted", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("threshold failed: rollback_rate<5 (measured n/a (silo metrics unavailable))", error.ToString(), StringComparison.Ordinal);
            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"), TestContext.Current.CancellationToken);
            Assert.Matches(@"\| silo metrics \| silo metrics unavailable: [0-9]+ of [0-9]+ scrapes of http://127\.0\.0\.1:9/metrics failed", md);
            Assert.Contains("| 60 |", md, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_FindCapacityOnTheInProcessSilo_ReadsItsMetricsEachStepAndStatesBothKnees()
    {
        var dir = NewDirectory();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await LoadTestRunner.RunAsync(
                ["--find-capacity", "--scenario", "no-native-context", "--rate", "50", "--max-rate", "75", "--step-duration", "2s", "--threshold", "p99<2s", "--threshold", "context_loss<=100%", "--out", dir],
                output, error, TestContext.Current.CancellationToken);

            Assert.True(code == 0, error.ToString() + output);
            Assert.Matches(@"step 1 +offered +50/s .* context loss +[0-9.]+% .* pass", output.ToString());
            Assert.Contains("Modelled infrastructure's knee: 75/s or above (held at every step); silo's own knee: 75/s or above (held at every step).", output.ToString(), StringComparison.Ordinal);
            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"), TestContext.Current.CancellationToken);
            Assert.Matches(@"\| 1 \| 50 \| [0-9]+ \| [0-9]+ \| [0-9.]+ \| [0-9.]+% \| [0-9.]+% \| [0-9.]+% \| [0-9.]+ \|", md);
            Assert.Contains("| infrastructure knee | 75/s or above (held at every step)", md, StringComparison.Ordinal);
            var csv = await File.ReadAllLinesAsync(Path.Combine(dir, "report.csv"), TestContext.Current.CancellationToken);
            Assert.EndsWith(",abandonment_pct", csv[0], StringComparison.Ordinal);
            Assert.Equal(3, csv.Length);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "agentsim-sim-" + Guid.NewGuid().ToString("N"));
}
