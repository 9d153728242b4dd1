using AgentSim.LoadTests.Reports;

namespace AgentSim.LoadTests.Tests.Reports;

public sealed class LoadTestRunnerTests
{
    [Fact]
    public async Task RunAsync_InProcessWithOut_WritesTheContractReportsWithOneCsvRowPerSecond()
    {
        var dir = Path.Combine(Path.GetTempPath(), "agentsim-load-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await LoadTestRunner.RunAsync(["--target", "inprocess", "--rate", "20", "--duration", "3s", "--out", dir], output, error, TestContext.Current.CancellationToken);

            Assert.True(code == 0, error.ToString());
            Assert.Equal(ReportWriter.FileNames.Order(), Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            var csv = await File.ReadAllLinesAsync(Path.Combine(dir, "report.csv"), TestContext.Current.CancellationToken);
            Assert.StartsWith("second,target,achieved,", csv[0], StringComparison.Ordinal);
            Assert.Equal(["0", "1", "2"], csv.Skip(1).Select(l => l.Split(',')[0]));
            Assert.All(csv.Skip(1), l => Assert.Equal("20", l.Split(',')[1]));
            var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"), TestContext.Current.CancellationToken);
            // Four of the driver's measurements, two of the simulation's own (read from the in-process silo's /metrics).
            Assert.Equal(6, html.Split("<svg", StringSplitOptions.None).Length - 1);
            Assert.Contains("<svg id=\"simulation-rates\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("dropped_iterations", await File.ReadAllTextAsync(Path.Combine(dir, "report.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.Contains("response time", await File.ReadAllTextAsync(Path.Combine(dir, "report.txt"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("--rate", "fast", "--rate")]
    [InlineData("--rate", "-3", "--rate")]
    [InlineData("--duration", "soon", "--duration")]
    [InlineData("--simulation", "keep-constant", "--copies: keep-constant (closed model) needs --copies")]
    [InlineData("--simulation", "flood", "--simulation")]
    [InlineData("--target", "ftp://x", "--target")]
    [InlineData("--target", "orleans:dev@nohost", "--target")]
    [InlineData("--max-in-flight", "0", "--max-in-flight")]
    [InlineData("--config", "load.json", "--config")]
    [InlineData("--bogus", "1", "--bogus")]
    public async Task RunAsync_BadFlag_NamesItAndExits2(string flag, string value, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync([flag, value], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(LoadTestRunner.BadInput, code);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }
}
