using System.Diagnostics;
using AgentSim.LoadTests.Reports;
using AgentSim.Tests.Shared;

namespace AgentSim.LoadTests.Tests.Reports;

/// <summary>
/// The driver's report.html opened in real headless Chromium (the Debian package; ./test.sh installs it): its charts
/// render, the console stays clean and the page asks for nothing outside itself. The checker is tested too, on pages
/// broken on purpose. Without chromium these tests fail (they never skip), saying to run ./test.sh.
/// </summary>
public sealed class HtmlReportInChromiumTests(HtmlReportInChromiumTests.SharedChromium shared) : IClassFixture<HtmlReportInChromiumTests.SharedChromium>
{
    // A chart as HtmlReport draws one; the broken pages below differ from a clean page only where they are broken.
    private const string GoodChart = """
        <h2>Good chart</h2>
        <svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><polyline fill="none" stroke="#1565c0" stroke-width="2" points="10,190 200,20 390,100"/><rect x="300" y="10" width="12" height="3"/></svg>
        """;

    // A bar chart drawn with rects only (no polyline, polygon or path).
    private const string BarChart = """<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><rect class="bar" x="10" y="10" width="120" height="30"/><rect class="bar" x="10" y="60" width="240" height="30"/></svg>""";

    private const string ZeroBars = """<h2>Zero bars</h2><svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200"><rect class="bar" x="10" y="10" width="0" height="30"/><rect class="bar" x="10" y="60" width="0" height="30"/></svg>""";

    [Fact]
    public async Task ReportHtml_InHeadlessChromium_RendersEveryChartWithNoConsoleErrorsAndNoRequests()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Path.Combine(Path.GetTempPath(), "agentsim-load-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await LoadTestRunner.RunAsync(["--target", "noop", "--rate", "200", "--duration", "3s", "--out", dir], output, error, ct);
            Assert.True(code == 0, error.ToString());
            var file = Path.Combine(dir, "report.html");
            var svgsInSource = (await File.ReadAllTextAsync(file, ct)).Split("<svg", StringSplitOptions.None).Length - 1;

            var page = await (await shared.BrowserAsync()).OpenAsync(file, HeadlessChromium.ScreenshotPath("load-report"), ct);

            Assert.True(page.Problems().Count == 0, $"report.html in headless Chromium:\n{string.Join('\n', page.Problems())}");
            Assert.Equal(svgsInSource, page.Charts.Count);
            Assert.Contains(page.Requests, r => r == page.Url);
            string[] chartHeadings = ["Rate per second: target vs achieved", "Latency per second (ms)", "Latency distribution (ms) by percentile", "In flight"];
            Assert.All(chartHeadings, h => Assert.Contains(h, page.Charts.Select(c => c.Heading)));
            Assert.Contains("AgentSim load test", page.Headings);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    public static TheoryData<string, string, string> BrokenPages => new()
    {
        { "a script error", GoodChart + "<script>drawCharts();</script>", "page error: ReferenceError: drawCharts is not defined" },
        { "a console error", GoodChart + "<script>console.error('chart data missing');</script>", "console: console.error: chart data missing" },
        { "a console warning", GoodChart + "<script>console.warn('legacy axis');</script>", "console: console.warning: legacy axis" },
        { "an empty svg", GoodChart + "<h2>Empty</h2><svg width=\"400\" height=\"200\"></svg>", "chart 2 (Empty): draws no marks" },
        { "a bar chart whose bars all have zero size", GoodChart + ZeroBars, "chart 2 (Zero bars): draws no marks" },
        { "a scatter of zero-radius points", GoodChart + "<h2>No dots</h2><svg width=\"400\" height=\"200\"><circle cx=\"10\" cy=\"10\" r=\"0\"/></svg>", "chart 2 (No dots): draws no marks" },
        { "a chart whose only marks are its legend", GoodChart + "<h2>Legend only</h2><svg width=\"400\" height=\"200\"><g class=\"legend\"><rect width=\"16\" height=\"16\"/></g></svg>", "chart 2 (Legend only): draws no marks" },
        { "a chart in a figure after another chart", "<h2>Two charts</h2><figure>" + BarChart + "</figure><figure>" + BarChart + "</figure>", "chart 2 (no heading): no heading before it" },
        { "a series with no points", GoodChart.Replace("<rect", "<polyline points=\"\"/><rect", StringComparison.Ordinal), "chart 1 (Good chart): 1 polyline/polygon/path with no points" },
        { "a zero-size svg", GoodChart.Replace("width=\"400\"", "width=\"0\"", StringComparison.Ordinal), "chart 1 (Good chart): laid out 0x" },
        { "a hidden svg", GoodChart.Replace("<svg ", "<svg style=\"display:none\" ", StringComparison.Ordinal), "chart 1 (Good chart): laid out 0x0 px" },
        { "NaN in a series", GoodChart.Replace("200,20", "NaN,20", StringComparison.Ordinal), "console: error (rendering): Error: <polyline> attribute points: Expected number" },
        { "a chart with no heading", "<p>intro</p>" + GoodChart.Replace("<h2>Good chart</h2>", "", StringComparison.Ordinal), "chart 1 (no heading): no heading before it" },
        { "no charts at all", "<h2>Nothing</h2><p>no data</p>", "no <svg> chart on the page" },
        { "a stylesheet next to the file", GoodChart + "<link rel=\"stylesheet\" href=\"side.css\">", "request outside the file: file://" },
        { "an image from the network", GoodChart + "<img src=\"http://127.0.0.1:9/logo.png\" alt=\"\">", "request outside the file: http://127.0.0.1:9/logo.png" },
    };

    [Theory]
    [MemberData(nameof(BrokenPages))]
    public async Task Checker_OnABrokenPage_ReportsWhatIsBroken(string broken, string body, string expected)
    {
        var problems = await ProblemsOfAsync(body);

        Assert.True(problems.Any(p => p.StartsWith(expected, StringComparison.Ordinal)),
            $"a page with {broken} should report \"{expected}...\"; it reported:\n{string.Join('\n', problems)}");
    }

    [Fact]
    public async Task Checker_OnACleanPage_ReportsNothing()
    {
        Assert.Empty(await ProblemsOfAsync(GoodChart + GoodChart.Replace("Good chart", "Second chart", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Checker_BarsAndPointsInFiguresUnderTheirHeadings_CountAsDrawnMarks()
    {
        var body = "<section><h2>Rates</h2><figure><h3>Bars</h3>" + BarChart + "</figure>"
            + "<figure><h3>Points</h3><svg width=\"400\" height=\"200\"><circle cx=\"20\" cy=\"20\" r=\"6\"/><circle cx=\"60\" cy=\"90\" r=\"6\"/></svg></figure></section>";

        Assert.Empty(await ProblemsOfAsync(body));
    }

    [Fact]
    public async Task Checker_WithAScreenshotPath_SavesAPngOfTheWholePage()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = HeadlessChromium.ScreenshotPath("checker-tall-page");
        File.Delete(path);
        var dir = Directory.CreateTempSubdirectory("agentsim-page-");
        try
        {
            // Taller than the window: a full-page shot is taller than the viewport.
            var file = Path.Combine(dir.FullName, "page.html");
            await File.WriteAllTextAsync(file, $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>\n{GoodChart}<div style=\"height:2000px\"></div>\n</body></html>\n", ct);

            var page = await (await shared.BrowserAsync()).OpenAsync(file, path, ct);

            Assert.Empty(page.Problems());
            var png = await File.ReadAllBytesAsync(path, ct);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
            var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
            Assert.Equal(HeadlessChromium.ViewportWidth, width);
            Assert.True(height > 2000, $"the screenshot is {width}x{height}: not the whole page");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Chromium_IsInstalled_BecauseTestShInstallsIt()
    {
        Assert.True(HeadlessChromium.FindExecutable() is not null,
            $"chromium is not installed ({HeadlessChromium.DebianBinary}, or chromium on PATH); run the tests with ./test.sh, which installs it");
        using var version = Process.Start(new ProcessStartInfo(HeadlessChromium.FindExecutable()!, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = version.StandardOutput.ReadToEnd();
        version.WaitForExit();
        Assert.StartsWith("Chromium ", text, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> ProblemsOfAsync(string body)
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("agentsim-page-");
        try
        {
            var file = Path.Combine(dir.FullName, "page.html");
            await File.WriteAllTextAsync(file, $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>\n{body}\n</body></html>\n", ct);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "side.css"), "body{color:#222}", ct);
            return (await (await shared.BrowserAsync()).OpenAsync(file, ct)).Problems();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>One browser for the class (each page gets its own tab), started on first use so that a missing chromium fails each test with its message.</summary>
    public sealed class SharedChromium : IAsyncDisposable
    {
        private readonly Lazy<Task<HeadlessChromium>> _browser = new(() => HeadlessChromium.LaunchAsync(CancellationToken.None));

        internal Task<HeadlessChromium> BrowserAsync() => _browser.Value;

        public async ValueTask DisposeAsync()
        {
            if (_browser.IsValueCreated && _browser.Value.IsCompletedSuccessfully)
            {
                await _browser.Value.Result.DisposeAsync();
            }
        }
    }
}
