using System.Diagnostics;
using System.Text.RegularExpressions;
using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Reports;
using AgentSim.LoadTests.Tests.Driver;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Tests.Thresholds;

public sealed class ThresholdRunTests
{
    [Fact]
    public async Task RunAsync_FinalThresholdMissed_Exits3AndTheReportsMarkItFailedAndTheOtherPassed()
    {
        var dir = NewDirectory();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await LoadTestRunner.RunAsync(
                ["--rate", "20", "--duration", "2s", "--threshold", "p99<10ms", "--threshold", "p99<2s", "--out", dir],
                output, error, _ => new DelayedTarget(TimeSpan.FromMilliseconds(50)), TestContext.Current.CancellationToken);

            Assert.Equal(LoadTestRunner.ThresholdsFailed, code);
            Assert.Contains("threshold failed: p99<10ms (measured ", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("p99<2s", error.ToString(), StringComparison.Ordinal);
            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"), TestContext.Current.CancellationToken);
            Assert.Matches(@"\| `p99<10ms` \| [0-9.]+ ms \| \*\*FAIL\*\* \|", md);
            Assert.Matches(@"\| `p99<2s` \| [0-9.]+ ms \| pass \|", md);
            Assert.Contains("| thresholds | 1 of 2 FAILED |", md, StringComparison.Ordinal);
            var txt = await File.ReadAllTextAsync(Path.Combine(dir, "report.txt"), TestContext.Current.CancellationToken);
            Assert.Matches(@"p99<10ms +[0-9.]+ ms +FAIL", txt);
            Assert.Matches(@"p99<2s +[0-9.]+ ms +pass", txt);
            var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"), TestContext.Current.CancellationToken);
            Assert.Contains("<td>p99&lt;10ms</td>", html, StringComparison.Ordinal);
            Assert.Contains("class=\"bad\">FAIL</td>", html, StringComparison.Ordinal);
            Assert.Contains("class=\"good\">pass</td>", html, StringComparison.Ordinal);
            Assert.Matches(@"p99<10ms[\s|│]+[0-9.]+ ms[\s|│]+FAIL", Plain(output));
        }
        finally
        {
            Delete(dir);
        }
    }

    [Fact]
    public async Task RunAsync_EveryFinalThresholdMet_Exits0()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync(
            ["--rate", "20", "--duration", "2s", "--threshold", "p99<2s", "--threshold", "service_p50>=40ms", "--threshold", "errors<1%", "--threshold", "dropped<0.5%", "--threshold", "achieved>=95%"],
            output, error, _ => new DelayedTarget(TimeSpan.FromMilliseconds(50)), TestContext.Current.CancellationToken);

        Assert.True(code == 0, error.ToString() + output);
        Assert.Matches(@"thresholds[\s|│]+all 5 passed", Plain(output));
    }

    [Fact]
    public async Task RunAsync_RuntimeThresholdFails_StopsEarlyExits4AndStillWritesTheReports()
    {
        var dir = NewDirectory();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var target = new FailingTarget();
            var clock = Stopwatch.StartNew();

            var code = await LoadTestRunner.RunAsync(
                ["--rate", "50", "--duration", "30s", "--abort-on", "errors<1%", "--abort-delay", "1s", "--threshold", "p99<2s", "--out", dir],
                output, error, _ => target, TestContext.Current.CancellationToken);

            Assert.Equal(LoadTestRunner.Aborted, code);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
            Assert.InRange(target.Calls, 40, 150);
            Assert.Contains("aborted: runtime threshold errors<1% failed after 1 measured s: 100% since the warm-up ended", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(ReportWriter.FileNames.Order(), Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"), TestContext.Current.CancellationToken);
            Assert.Contains("| stopped early | runtime threshold errors<1% failed after 1 measured s", md, StringComparison.Ordinal);
            Assert.Matches(@"\| `p99<2s` \| [0-9.]+ ms \| pass \|", md);
            var csv = await File.ReadAllLinesAsync(Path.Combine(dir, "report.csv"), TestContext.Current.CancellationToken);
            Assert.InRange(csv.Length - 1, 1, 3);
            Assert.Contains("stopped early", await File.ReadAllTextAsync(Path.Combine(dir, "report.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            Delete(dir);
        }
    }

    [Fact]
    public async Task RunAsync_AbortDelay_NoRuntimeCheckBeforeIt()
    {
        var settings = new DriverSettings(50, TimeSpan.FromSeconds(20), AbortOn: [Parse("errors<1%")], AbortDelay: TimeSpan.FromSeconds(3));

        var result = await new LoadDriver(new FailingTarget(), settings).RunAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("runtime threshold errors<1% failed after 3 measured s", result.AbortedBy, StringComparison.Ordinal);
        Assert.InRange(result.MeasuredSeconds, 3, 4.5);
        Assert.InRange(result.Scheduled, 150, 225);
        Assert.InRange(result.AchievedRate, 45, 55);
    }

    [Fact]
    public async Task RunAsync_ErrorsOnlyDuringWarmup_DoNotTripRuntimeOrFinalThresholds()
    {
        // The target fails everything in its first second; the warm-up lasts two, so the measured run sees no errors.
        var target = new FailingTarget(TimeSpan.FromSeconds(1));
        var settings = new DriverSettings(50, TimeSpan.FromSeconds(2), Warmup: TimeSpan.FromSeconds(2),
            Thresholds: [Parse("errors<1%")], AbortOn: [Parse("errors<1%")], AbortDelay: TimeSpan.Zero);

        var result = await new LoadDriver(target, settings).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(200, target.Calls);
        Assert.Null(result.AbortedBy);
        Assert.Equal(0, result.Errors);
        Assert.Equal(100, result.Ok);
        Assert.True(result.ThresholdsPassed);
        Assert.Equal(0, Assert.Single(result.Thresholds).Measured);
    }

    // The console summary without its colour codes.
    private static string Plain(StringWriter output) => Regex.Replace(output.ToString(), @"\x1b\[[0-9;]*m", "");

    private static Threshold Parse(string text) => Threshold.Parse(text, out _)!;

    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "agentsim-load-" + Guid.NewGuid().ToString("N"));

    private static void Delete(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
