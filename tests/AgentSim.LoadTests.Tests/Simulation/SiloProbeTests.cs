using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Targets;
using AgentSim.LoadTests.Tests.Driver;

namespace AgentSim.LoadTests.Tests.Simulation;

[Collection(SiloMetricsCollection.Name)]
public sealed class SiloProbeTests
{
    [Fact]
    public async Task For_HttpTarget_ScrapesItsSchemeHostAndPortMetrics()
    {
        await using var target = new HttpTarget(new Uri("http://silo.example:8080/api/conversations"));

        Assert.Equal(new Uri("http://silo.example:8080/metrics"), SiloProbe.For(null, target)?.Url);
    }

    [Fact]
    public async Task For_MetricsUrlGiven_OverridesTheTargetAndABareAddressGetsMetrics()
    {
        await using var target = new HttpTarget(new Uri("http://silo.example:8080/"));

        Assert.Equal(new Uri("http://other:9090/metrics"), SiloProbe.For("http://other:9090", target)?.Url);
        Assert.Equal(new Uri("http://other:9090/custom"), SiloProbe.For("http://other:9090/custom", new InstantTarget())?.Url);
    }

    [Fact]
    public void For_TargetWithoutHttpAddressAndNoMetricsUrl_IsNull()
    {
        Assert.Null(SiloProbe.For(null, new InstantTarget()));
    }

    [Fact]
    public async Task RunAsync_HttpUrlTarget_ReadsTheSilosMetricsFromTheSameHostByDefault()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var silo = await InProcessTarget.StartAsync("baseline", 100, cancel);
        var dir = Path.Combine(Path.GetTempPath(), "agentsim-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await LoadTestRunner.RunAsync(
                ["--target", silo.BaseUri.ToString(), "--rate", "50", "--duration", "2s", "--threshold", "abandonment<=100%", "--abort-on", "rollback_rate<=1000", "--abort-delay", "1s", "--out", dir],
                output, error, cancel);

            Assert.True(code == 0, error.ToString() + output);
            var md = await File.ReadAllTextAsync(Path.Combine(dir, "report.md"), cancel);
            Assert.Contains($"| silo metrics | {new Uri(silo.BaseUri, "/metrics")}: 4 of 4 scrapes succeeded |", md, StringComparison.Ordinal);
            Assert.Matches(@"\| silo conversations \| (9[0-9]|100) started, ", md);
            Assert.Matches(@"\| `abandonment<=100%` \| [0-9.]+% \| pass \|", md);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
