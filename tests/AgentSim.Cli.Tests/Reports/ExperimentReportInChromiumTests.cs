using AgentSim.Tests.Shared;

namespace AgentSim.Cli.Tests.Reports;

/// <summary>
/// The experiments' report.html (compare and gap) opened in real headless Chromium (the Debian package; ./test.sh installs it): every
/// chart laid out under its heading and drawn, no console errors, nothing requested outside the file; a screenshot of
/// each is saved to <c>TestResults/screenshots/</c> under the test assembly's directory.
/// </summary>
public sealed class ExperimentReportInChromiumTests(RunReportInChromiumTests.SharedChromium shared) : IClassFixture<RunReportInChromiumTests.SharedChromium>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("compare-placements", new[] { "compare", "baseline", "--conversations", "2000", "--replications", "3" }, "Resolved by the AI: difference from as-is")]
    [InlineData("gap", new[] { "gap", "--enterprises", "16", "--conversations", "1500", "--replications", "2" }, null)]
    [InlineData("compare-sweep", new[] { "compare", "baseline", "--sweep", "channels.switch_probability=0.05,0.2,0.4", "--conversations", "1500", "--replications", "3" }, "Context lost per channel switch against channels.switch_probability")]
    public async Task Experiment_ReportHtml_InHeadlessChromium_RendersEveryChart(string name, string[] args, string? expectedChart)
    {
        var ct = TestContext.Current.CancellationToken;
        var outDir = _dir.Combine(name);
        var result = await Cli.RunAsync([.. args, "--out", outDir]);
        Assert.True(result.ExitCode == 0, result.All);
        var file = Path.Combine(outDir, "report.html");
        var source = await File.ReadAllTextAsync(file, ct);
        var screenshot = HeadlessChromium.ScreenshotPath(name);
        File.Delete(screenshot);

        var page = await (await shared.BrowserAsync()).OpenAsync(file, screenshot, ct);

        Assert.True(page.Problems().Count == 0, $"report.html in headless Chromium:\n{string.Join('\n', page.Problems())}");
        Assert.Equal([page.Url], page.Requests.Distinct());
        Assert.Equal(source.Split("<svg", StringSplitOptions.None).Length - 1, page.Charts.Count);
        Assert.True(page.Charts.Count >= 3, $"only {page.Charts.Count} charts");
        Assert.All(page.Charts, c => Assert.True(c.DrawnMarks > 0, c.Heading));
        if (expectedChart is null)
        {
            // The gap report: the caveat, and every survey figure beside its simulated counterpart.
            Assert.Contains("does not prove", source, StringComparison.Ordinal);
            foreach (var figure in new[] { "42%", "37%", "32%", "55%", "74%", "81%", "0.52" })
            {
                Assert.Contains(figure, source, StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.Contains(expectedChart, page.Charts.Select(c => c.Heading));
            Assert.Contains("common random numbers", source, StringComparison.Ordinal);
        }
        Assert.True(File.Exists(screenshot), screenshot);
    }
}
