using System.Globalization;
using AgentSim.LoadTests.Capacity;
using AgentSim.LoadTests.Reports;
using AgentSim.LoadTests.Tests.Driver;

namespace AgentSim.LoadTests.Tests.Capacity;

public sealed class CapacitySearchTests
{
    [Fact]
    public async Task RunAsync_TargetWithKnownCapacity_KneeWithinOneStepOfItAndTheReportsCarryTheSteps()
    {
        const double capacity = 400;
        var dir = NewDirectory();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await LoadTestRunner.RunAsync(
                ["--find-capacity", "--rate", "100", "--step-factor", "1.5", "--max-rate", "3000", "--step-duration", "2s", "--out", dir],
                output, error, _ => new QueueingTarget(capacity), TestContext.Current.CancellationToken);

            Assert.True(code == 0, error.ToString() + output);
            TestContext.Current.TestOutputHelper?.WriteLine(output.ToString());
            var text = output.ToString();
            var knee = double.Parse(Match(text, @"Knee at ([0-9.]+)/s"), CultureInfo.InvariantCulture);
            var failing = double.Parse(Match(text, @"first failing rate ([0-9.]+)/s"), CultureInfo.InvariantCulture);
            Assert.InRange(knee, capacity / 1.5, capacity * 1.5);
            Assert.Equal(knee * 1.5, failing, 0.01);
            Assert.Matches(@"first failing rate [0-9.]+/s: p99<250ms \(measured [0-9.]+ ms\)", text);
            Assert.Matches(@"step 1 +offered +100/s +achieved +[0-9.]+/s .* pass", text);

            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"), TestContext.Current.CancellationToken);
            Assert.Contains("| step | offered/s | achieved/s | p50 ms | p99 ms | errors | dropped | result |", md, StringComparison.Ordinal);
            Assert.Matches(@"\| 1 \| 100 \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| 0% \| 0% \| pass \|", md);
            Assert.Matches(@"\| \*\*FAIL\*\*: p99<250ms \(measured [0-9.]+ ms\) \|", md);
            var csv = await File.ReadAllLinesAsync(Path.Combine(dir, "report.csv"), TestContext.Current.CancellationToken);
            Assert.Equal("step,offered,achieved,response_p50_ms,response_p99_ms,errors_pct,dropped_pct,passed,broken", csv[0]);
            Assert.StartsWith("1,100,", csv[1], StringComparison.Ordinal);
            Assert.EndsWith(",false,\"p99<250ms = " , csv[^1][..(csv[^1].IndexOf(" = ", StringComparison.Ordinal) + 3)], StringComparison.Ordinal);
            var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"), TestContext.Current.CancellationToken);
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            Assert.Contains("class=\"knee\"", html, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $">knee {knee:0.##}/s</text>"), html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<th>p99 ms</th>", html, StringComparison.Ordinal);
            Assert.Matches(@"knee +[0-9.]+/s", await File.ReadAllTextAsync(Path.Combine(dir, "report.txt"), TestContext.Current.CancellationToken));
            Assert.Equal(ReportWriter.FileNames.Order(), Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_TargetFailingFromTheStart_Exits3AfterOneStep()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var target = new FailingTarget();

        var code = await LoadTestRunner.RunAsync(
            ["--find-capacity", "--rate", "50", "--step-duration", "1s"], output, error, _ => target, TestContext.Current.CancellationToken);

        Assert.Equal(LoadTestRunner.ThresholdsFailed, code);
        Assert.InRange(target.Calls, 40, 60);
        Assert.Contains("capacity search failed: No knee: even the first step (50/s) broke the SLO: errors<1% (measured 100%).", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("step 2", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoSloBreaksUpToTheCeiling_Exits0WithTheCeilingAsKnee()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync(
            ["--find-capacity", "--rate", "20", "--step", "20", "--max-rate", "50", "--step-duration", "1s"], output, error, _ => new InstantTarget(), TestContext.Current.CancellationToken);

        Assert.True(code == 0, error.ToString());
        Assert.Contains("step 3   offered        50/s", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Knee at 50/s or above: every SLO held up to --max-rate 50/s.", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--find-capacity", "--step-factor", "1" }, "error: --step-factor: '1' is not a number above 1 (each step must raise the rate).")]
    [InlineData(new[] { "--find-capacity", "--rate", "500", "--max-rate", "100" }, "error: --max-rate: 100 is below --rate 500; the search starts at --rate.")]
    [InlineData(new[] { "--find-capacity", "--step", "10", "--step-factor", "2" }, "error: --step: give --step or --step-factor, not both.")]
    [InlineData(new[] { "--find-capacity", "--step", "0" }, "error: --step: '0' is not a positive number.")]
    [InlineData(new[] { "--find-capacity", "--step-duration", "0s" }, "error: --step-duration: '0s' is not a duration above zero (e.g. 30s, 2m, 500ms).")]
    [InlineData(new[] { "--max-rate", "100" }, "error: --max-rate: only with --find-capacity.")]
    [InlineData(new[] { "--find-capacity", "--abort-on", "errors<1%" }, "error: --abort-on: not with --find-capacity (each step is judged by --threshold; the search stops at the first step that breaks one).")]
    public async Task RunAsync_BadCapacityFlags_Exit2NamingTheFlag(string[] args, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync(args, output, error, _ => new InstantTarget(), TestContext.Current.CancellationToken);

        Assert.Equal(LoadTestRunner.BadInput, code);
        Assert.Equal(message, error.ToString().Split('\n')[0].TrimEnd('\r'));
    }

    [Fact]
    public void Rates_MultiplyOrAdd_UpToTheCeilingInclusive()
    {
        var slo = CapacityRunner.Settings(new LoadOptions()).Slo;
        var factor = new CapacitySettings(500, 2000, 1.5, null, TimeSpan.FromSeconds(1), TimeSpan.Zero, slo);
        var add = factor with { Step = 400 };

        Assert.Equal([500, 750, 1125, 1687.5, 2000], CapacitySearch.Rates(factor));
        Assert.Equal([500, 900, 1300, 1700, 2000], CapacitySearch.Rates(add));
        Assert.Equal(["p99<250ms", "errors<1%", "dropped<1%", "achieved>=95%"], slo.Select(t => t.Text));
    }

    [Fact]
    public async Task RunAsync_OnStepStart_EachStepsSecondsReachWhatItReturned()
    {
        // What a live view sees: each step's own rows (target = that step's rate each second), step by step.
        var slo = CapacityRunner.Settings(new LoadOptions()).Slo;
        var settings = new CapacitySettings(20, 40, 2, null, TimeSpan.FromSeconds(2), TimeSpan.Zero, slo);
        var seen = new List<(int Step, long Target)>();
        var started = new List<(int Step, double Rate)>();

        var result = await new CapacitySearch(new InstantTarget(), settings)
        {
            OnStepStart = (step, rate) =>
            {
                started.Add((step, rate));
                return row => seen.Add((step, row.Target));
            },
        }.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Steps.Count);
        Assert.Equal([(1, 20.0), (2, 40.0)], started);
        Assert.Equal([(1, 20L), (1, 20L), (2, 40L), (2, 40L)], seen);
    }

    private static string Match(string text, string pattern)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text, pattern);
        Assert.True(m.Success, $"no '{pattern}' in:\n{text}");
        return m.Groups[1].Value;
    }

    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "agentsim-capacity-" + Guid.NewGuid().ToString("N"));
}
