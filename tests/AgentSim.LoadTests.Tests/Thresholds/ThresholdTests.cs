using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Tests.Thresholds;

public sealed class ThresholdTests
{
    [Theory]
    [InlineData("p99<250ms", ThresholdMetric.ResponseTime, 99, "<", 250)]
    [InlineData("p50<=20ms", ThresholdMetric.ResponseTime, 50, "<=", 20)]
    [InlineData("p99.9 < 2s", ThresholdMetric.ResponseTime, 99.9, "<", 2000)]
    [InlineData("service_p99<0.5s", ThresholdMetric.ServiceTime, 99, "<", 500)]
    [InlineData("errors<1%", ThresholdMetric.Errors, 0, "<", 1)]
    [InlineData("dropped<0.5%", ThresholdMetric.Dropped, 0, "<", 0.5)]
    [InlineData("achieved>=95%", ThresholdMetric.Achieved, 0, ">=", 95)]
    [InlineData("achieved>90%", ThresholdMetric.Achieved, 0, ">", 90)]
    public void Parse_WellFormed_GivesMetricOperatorAndLimit(string text, ThresholdMetric metric, double percentile, string op, double limit)
    {
        var threshold = Threshold.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(new Threshold(text, metric, percentile, op, limit), threshold);
    }

    [Theory]
    [InlineData("--threshold", "p99<abc", "error: --threshold 'p99<abc': 'abc' is not a duration (use 250ms or 2s).")]
    [InlineData("--threshold", "p99<250", "error: --threshold 'p99<250': '250' is not a duration (use 250ms or 2s).")]
    [InlineData("--threshold", "p99<5%", "error: --threshold 'p99<5%': '5%' is not a duration (use 250ms or 2s).")]
    [InlineData("--threshold", "errors<1", "error: --threshold 'errors<1': '1' is not a percentage (use e.g. 1% or 0.5%).")]
    [InlineData("--threshold", "dropped<5ms", "error: --threshold 'dropped<5ms': '5ms' is not a percentage (use e.g. 1% or 0.5%).")]
    [InlineData("--threshold", "latency<1s", "error: --threshold 'latency<1s': 'latency' is not a metric (use p50, p99, p99.9 (response time), service_p99 (service time), errors, dropped, achieved, or the simulation's rollback_rate, context_loss, queue_abandonment, abandonment).")]
    [InlineData("--threshold", "p0<1ms", "error: --threshold 'p0<1ms': 'p0' is not a percentile (use one above 0 and up to 100, e.g. p99.9).")]
    [InlineData("--threshold", "p99=250ms", "error: --threshold 'p99=250ms': no comparison (use <, <=, > or >=, e.g. p99<250ms or errors<1%).")]
    [InlineData("--threshold", "<250ms", "error: --threshold '<250ms': no metric before '<' (use p50, p99, p99.9 (response time), service_p99 (service time), errors, dropped, achieved, or the simulation's rollback_rate, context_loss, queue_abandonment, abandonment).")]
    [InlineData("--abort-on", "errors<", "error: --abort-on 'errors<': no value after '<'.")]
    [InlineData("--abort-delay", "soon", "error: --abort-delay: 'soon' is not a duration (e.g. 30s, 2m, 500ms).")]
    public async Task RunAsync_MalformedThreshold_SaysWhatIsWrongWithItAndExits2(string flag, string value, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync([flag, value], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(LoadTestRunner.BadInput, code);
        Assert.Equal(expected, error.ToString().Split(Environment.NewLine)[0]);
    }

    [Fact]
    public void Parse_RepeatedFlags_KeepsEveryThresholdInOrder()
    {
        var options = LoadOptionsParser.Parse(
            ["--threshold", "p99<250ms", "--threshold=errors<1%", "--abort-on", "dropped<0.5%", "--abort-on", "achieved>=95%", "--abort-delay", "10s"],
            out var problems, out _);

        Assert.Empty(problems);
        Assert.Equal(["p99<250ms", "errors<1%"], options!.Thresholds!.Select(t => t.Text));
        Assert.Equal(["dropped<0.5%", "achieved>=95%"], options.AbortOn!.Select(t => t.Text));
        Assert.Equal(TimeSpan.FromSeconds(10), options.AbortDelay);
    }

    [Theory]
    [InlineData("errors<1%", true)]
    [InlineData("errors<0.5%", false)]
    [InlineData("dropped<=10%", true)]
    [InlineData("dropped<10%", false)]
    [InlineData("achieved>=95%", true)]
    [InlineData("achieved>=96%", false)]
    [InlineData("p99<250ms", true)]
    [InlineData("service_p99<=10ms", false)]
    public void Check_ComparesTheMeasuredValueWithTheLimit(string text, bool passes)
    {
        // 10 s at 100/s: 1,000 scheduled, 100 dropped, 950 sent (95%), 5 of 1,000 ended in error (0.5%); p99 200 ms, service p99 20 ms.
        var m = new Measurements(_ => 200, _ => 20, Scheduled: 1000, Sent: 950, Ok: 995, Errors: 5, Dropped: 100, Seconds: 10, TargetRate: 100);

        var result = Threshold.Parse(text, out _)!.Check(m);

        Assert.Equal(passes, result.Passed);
    }
}
