using AgentSim.LoadTests.Capacity;
using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Tests.Capacity;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Tests.Simulation;

public sealed class CapacityKneesTests
{
    [Fact]
    public async Task RunAsync_SimulationSloBreaksBeforeTheSilos_ReportsBothKnees()
    {
        // The queueing fake serves 400/s: steps 100, 150, 225, 337.5 hold p99<250ms and 506.25 does not. The fake
        // probe's rollback rate climbs with the step: 1, 2, 8, ... per 1,000, so rollback_rate<5 breaks at the third step.
        var slo = new[] { "p99<250ms", "rollback_rate<5" }.Select(t => Threshold.Parse(t, out _)!).ToArray();
        var settings = new CapacitySettings(100, 3000, 1.5, null, TimeSpan.FromSeconds(2), TimeSpan.Zero, slo);

        var result = await new CapacitySearch(new QueueingTarget(400), settings) { Probe = new SteppedProbe([1, 2, 8, 20, 60, 90, 99]) }
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(150, result.InfrastructureKnee?.Offered);
        Assert.Equal(225, result.InfrastructureFailure?.Offered);
        Assert.InRange(result.SiloKnee!.Offered, 225, 600);
        Assert.True(result.Steps.Count > 3, "the search went on past the infrastructure's knee");
        Assert.False(result.Steps[^1].SiloPassed);
        Assert.Equal(150, result.Knee?.Offered);
        Assert.Contains("Modelled infrastructure's knee: 150/s (broken at 225/s); silo's own knee: ", result.Conclusion, StringComparison.Ordinal);
        var md = CapacityReport.Markdown(result);
        Assert.Contains("| infrastructure knee | 150/s (broken at 225/s) (where rollbacks", md, StringComparison.Ordinal);
        Assert.Matches(@"\| silo knee \| [0-9.]+/s \(broken at [0-9.]+/s\)", md);
        Assert.Contains("## Simulation metrics per step (from the silo)", md, StringComparison.Ordinal);
        Assert.Contains("| 3 | 225 | 100 | 1000 | 8 | 10% | 4% | 5% | 2 |", md, StringComparison.Ordinal);
        var html = CapacityReport.Html(result);
        Assert.Contains("<svg id=\"capacity-simulation\"", html, StringComparison.Ordinal);
        Assert.Contains(",rollback_rate_per_1000,", CapacityReport.Csv(result).Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("infrastructure knee", CapacityReport.Text(result), StringComparison.Ordinal);
    }

    // Each run (step) reports the next rollback rate from the list over 1,000 ended conversations.
    private sealed class SteppedProbe(double[] rollbackRates) : ISimulationProbe
    {
        private int _run = -1;

        public SimulationCounters? Cumulative { get; private set; }

        public Task StartAsync(TimeSpan warmup, CancellationToken cancellation)
        {
            _run++;
            Cumulative = null;
            return Task.CompletedTask;
        }

        public Task SampleAsync(int second, CancellationToken cancellation)
        {
            Cumulative = Counters();
            return Task.CompletedTask;
        }

        public Task<SimulationSeries> FinishAsync(CancellationToken cancellation) =>
            Task.FromResult(new SimulationSeries(new Uri("http://fake/metrics"), [new SimulationRow(0, Counters(), Counters())], Counters(), 1, 0, null));

        private SimulationCounters Counters() => new(100, 1000, 50, rollbackRates[Math.Min(_run, rollbackRates.Length - 1)], 100, 10, 96, 4, 192, 96);
    }
}
