using AgentSim.Cli.Reports.Html;
using AgentSim.Tests.Shared;

namespace AgentSim.Cli.Tests.Reports;

/// <summary>
/// report.html opened in real headless Chromium (the Debian package; ./test.sh installs it): the one <c>agentsim run</c>
/// writes, and a page with every kind of chart built from awkward data. Each saves a full-page screenshot to
/// <c>TestResults/screenshots/</c> under the test assembly's directory (or the directory in AGENTSIM_SCREENSHOT_DIR).
/// Without chromium these tests fail (they never skip), saying to run ./test.sh.
/// </summary>
public sealed class RunReportInChromiumTests(RunReportInChromiumTests.SharedChromium shared) : IClassFixture<RunReportInChromiumTests.SharedChromium>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_ReportHtml_InHeadlessChromium_EveryChartDrawnUnderItsHeadingWithNoProblemsOrRequests()
    {
        var ct = TestContext.Current.CancellationToken;
        var outDir = _dir.Combine("out");
        var result = await Cli.RunAsync("run", "baseline", "--seed", "7", "--conversations", "1500", "--out", outDir);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("report.html", result.Output, StringComparison.Ordinal);
        var file = Path.Combine(outDir, "report.html");
        var source = await File.ReadAllTextAsync(file, ct);
        var screenshot = HeadlessChromium.ScreenshotPath("run-report-baseline");
        File.Delete(screenshot);

        var page = await (await shared.BrowserAsync()).OpenAsync(file, screenshot, ct);

        Assert.True(page.Problems().Count == 0, $"report.html in headless Chromium:\n{string.Join('\n', page.Problems())}");
        Assert.Equal([page.Url], page.Requests.Distinct());
        Assert.Equal(source.Split("<svg", StringSplitOptions.None).Length - 1, page.Charts.Count);
        Assert.True(page.Charts.Count >= 5, $"only {page.Charts.Count} charts");
        // Each chart sits under the heading that names it: the chart's own title.
        var titles = System.Text.RegularExpressions.Regex.Matches(source, "aria-label=\"([^\"]*)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
        Assert.Equal(titles, page.Charts.Select(c => c.Heading));
        Assert.All(page.Charts, c => Assert.True(c.Width > HeadlessChromium.ViewportWidth / 2, $"{c.Heading}: {c.Width} px wide, not the page's width"));
        foreach (var heading in new[] { "AgentSim run: baseline", "Outcomes", "Share of conversations by outcome", "Incidents", "Turn latency p50 by channel", "Turn latency p99 by channel", "Human queues", "Rollbacks and context" })
        {
            Assert.Contains(heading, page.Headings);
        }

        Assert.Contains("seed 7", source, StringComparison.Ordinal);
        Assert.Contains("1,500 conversations", source, StringComparison.Ordinal);
        AssertPng(screenshot);
    }

    [Fact]
    public async Task Run_SameSeedTwice_ReportHtmlIsByteIdentical()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Cli.RunAsync("run", "baseline", "--seed", "11", "--conversations", "800", "--out", _dir.Combine("a"));
        var second = await Cli.RunAsync("run", "baseline", "--seed", "11", "--conversations", "800", "--out", _dir.Combine("b"), "--engine", "loop");
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.All + second.All);

        Assert.Equal(await File.ReadAllBytesAsync(_dir.Combine("a", "report.html"), ct), await File.ReadAllBytesAsync(_dir.Combine("b", "report.html"), ct));
    }

    [Fact]
    public async Task HtmlPage_EveryChartKindWithNegativeAndUndefinedValues_InHeadlessChromium_HasNoProblems()
    {
        var ct = TestContext.Current.CancellationToken;
        var html = new HtmlPage("Every chart <kind>", "awkward data & all")
            .Callout("A simulation illustrates a mechanism; it does not measure a real deployment.")
            .Section("Bars")
            .Figure(SvgCharts.Bars("Change in success by placement", "percentage points", [new("platform-native", 4.2, 1.1, 7.3), new("application-only", -6.5, -9, -4), new("none & <other>", double.NaN)]))
            .Section("Lines")
            .Figure(SvgCharts.Lines("Success by switch probability", "switch probability", "% success",
            [
                new("native", [new(0, 70, 66, 74), new(0.25, 61, 57, 65), new(0.5, double.NaN), new(0.75, 48, 44, 52)]),
                new("application-only", [new(0, 64), new(0.25, 52), new(0.75, 35)]),
            ]))
            .Section("Scatter")
            .Figure(SvgCharts.Scatter("Infrastructure quality vs success", "quality", "% success",
                [new(0.2, 40, "retail"), new(0.4, 55, "bank"), new(0.6, 61, "retail"), new(0.9, 83, "bank"), new(double.PositiveInfinity, 1)], (25, 60)))
            .Table(["enterprise", "quality", "success"], [["a", "0.2", "40.0%"], ["b", "0.4", "55.0%"]])
            .Render();
        var file = _dir.Write("every-chart.html", html);
        var screenshot = HeadlessChromium.ScreenshotPath("html-page-every-chart");
        File.Delete(screenshot);

        var page = await (await shared.BrowserAsync()).OpenAsync(file, screenshot, ct);

        Assert.True(page.Problems().Count == 0, $"the page in headless Chromium:\n{string.Join('\n', page.Problems())}");
        Assert.Equal(["Change in success by placement", "Success by switch probability", "Infrastructure quality vs success"], page.Charts.Select(c => c.Heading));
        Assert.Equal([2, 1 + 1 + 3 + 1 + 3, 4], page.Charts.Select(c => c.DrawnMarks));
        Assert.Contains("Every chart <kind>", page.Headings);
        AssertPng(screenshot);
    }

    private static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), $"no screenshot at {path}");
        var png = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal(HeadlessChromium.ViewportWidth, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }

    /// <summary>One browser for the class (each page gets its own tab), started on first use so that a missing chromium fails each test with its message.</summary>
    public sealed class SharedChromium : IAsyncDisposable
    {
        private readonly Lazy<Task<HeadlessChromium>> _browser = new(() => HeadlessChromium.LaunchAsync(CancellationToken.None));

        internal Task<HeadlessChromium> BrowserAsync() => _browser.Value;

        /// <summary>Closes the browser if it was started.</summary>
        public async ValueTask DisposeAsync()
        {
            if (_browser.IsValueCreated && _browser.Value.IsCompletedSuccessfully)
            {
                await _browser.Value.Result.DisposeAsync();
            }
        }
    }
}
