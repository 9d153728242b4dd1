using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Tests.Simulation;

public sealed class SimulationThresholdTests
{
    [Theory]
    [InlineData("rollback_rate<5", ThresholdMetric.RollbackRate, 5)]
    [InlineData("rollback_rate<=2.5/1000", ThresholdMetric.RollbackRate, 2.5)]
    [InlineData("context_loss<10%", ThresholdMetric.ContextLoss, 10)]
    [InlineData("queue_abandonment<5%", ThresholdMetric.QueueAbandonment, 5)]
    [InlineData("abandonment>=0.5%", ThresholdMetric.Abandonment, 0.5)]
    public void Parse_SimulationMetric_IsASimulationThresholdWithItsLimit(string text, ThresholdMetric metric, double limit)
    {
        var threshold = Threshold.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.NotNull(threshold);
        Assert.Equal(metric, threshold.Metric);
        Assert.Equal(limit, threshold.Limit);
        Assert.True(threshold.IsSimulation);
    }

    [Theory]
    [InlineData("context_loss<10", "'10' is not a percentage")]
    [InlineData("rollback_rate<abc", "'abc' is not a number of rollbacks per 1,000 conversations ended")]
    [InlineData("rollbacks<5", "'rollbacks' is not a metric (use p50, p99, p99.9 (response time), service_p99 (service time), errors, dropped, achieved, or the simulation's rollback_rate, context_loss, queue_abandonment, abandonment)")]
    public void Parse_Malformed_SaysWhatIsWrong(string text, string expected)
    {
        Assert.Null(Threshold.Parse(text, out var problem));
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SimulationCounters_MeasuresTheRatesByHand()
    {
        // 400 ended with 3 rollbacks: 7.5 per 1,000; 20 of 80 switches lost context: 25%; 5 of 50 left the queue: 10%; 40 of 400 abandoned: 10%.
        var counters = new SimulationCounters(Started: 420, Ended: 400, Abandoned: 40, Rollbacks: 3, Switches: 80, ContextLosses: 20, QueueAnswered: 45, QueueAbandoned: 5, QueueWaitSeconds: 90, QueueWaits: 45);
        var m = new Measurements(_ => 0, _ => 0, 0, 0, 0, 0, 0, 1, 1) { Simulation = counters };

        Assert.Equal(7.5, Threshold.Parse("rollback_rate<5", out _)!.Check(m).Measured);
        Assert.False(Threshold.Parse("rollback_rate<5", out _)!.Check(m).Passed);
        Assert.Equal("7.5 per 1,000", Threshold.Parse("rollback_rate<5", out _)!.Check(m).MeasuredText);
        Assert.Equal(25, Threshold.Parse("context_loss<10%", out _)!.Check(m).Measured);
        Assert.Equal(10, Threshold.Parse("queue_abandonment<5%", out _)!.Check(m).Measured);
        Assert.True(Threshold.Parse("abandonment<=10%", out _)!.Check(m).Passed);
        Assert.Equal(2, counters.MeanQueueWaitSeconds);
    }

    [Fact]
    public void Check_NoSimulationCounters_FailsUnmeasured()
    {
        var m = new Measurements(_ => 0, _ => 0, 0, 0, 0, 0, 0, 1, 1);

        var result = Threshold.Parse("context_loss<10%", out _)!.Check(m);

        Assert.False(result.Passed);
        Assert.True(result.Unmeasured);
        Assert.Equal("n/a (silo metrics unavailable)", result.MeasuredText);
    }
}
