using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Targets;
using AgentSim.LoadTests.Tests.Targets;

namespace AgentSim.LoadTests.Tests.Simulation;

[Collection(SiloMetricsCollection.Name)]
public sealed class PrometheusTextTests
{
    [Fact]
    public void Parse_LabelsWithEscapesHistogramAndTimestamps_SumsEachMetricOverItsLabelSets()
    {
        const string text = """
            # HELP agentsim_context_losses_total Context lost on a switch.
            # TYPE agentsim_context_losses_total counter
            agentsim_context_losses_total{carrier="none",note="a \"quoted\", {braced} \\ value"} 3 1700000000000
            agentsim_context_losses_total{carrier="store"} 4.5

            agentsim_queue_wait_seconds_bucket{queue="q",le="+Inf"} 7
            agentsim_queue_wait_seconds_sum{queue="q"} 12.25
            agentsim_queue_wait_seconds_count{queue="q"} 7
            agentsim_agent_utilisation NaN
            not a sample line
            """;

        var parsed = PrometheusText.Parse(text);

        Assert.Equal(7.5, parsed.Sum("agentsim_context_losses_total"));
        Assert.Equal(3, parsed.Sum("agentsim_context_losses_total", l => l["carrier"] == "none"));
        Assert.Equal("a \"quoted\", {braced} \\ value", parsed.Samples[0].Labels["note"]);
        Assert.Equal("+Inf", parsed.Samples[2].Labels["le"]);
        Assert.Equal(12.25, parsed.Sum("agentsim_queue_wait_seconds_sum"));
        Assert.Equal(0, parsed.Sum("agentsim_agent_utilisation"));
        Assert.Equal(0, parsed.Sum("agentsim_absent_total"));
        Assert.Equal(1, parsed.Skipped);
        var counters = SimulationCounters.From(parsed);
        Assert.Equal(7.5, counters.ContextLosses);
        Assert.Equal(1.75, counters.MeanQueueWaitSeconds);
    }

    [Fact]
    public async Task Parse_RealSiloMetrics_SumsMatchAnIndependentReadingOfTheSameText()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var target = await InProcessTarget.StartAsync("no-native-context", 100, cancel);
        for (var i = 0; i < 100; i++)
        {
            Assert.True((await target.SendAsync(cancel)).Ok);
        }

        await SiloMetrics.AwaitAsync(target.BaseUri, "agentsim_channel_switches_total", 1, TimeSpan.FromSeconds(20));
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(target.BaseUri, "/metrics"), cancel);

        var parsed = PrometheusText.Parse(text);

        Assert.Equal(0, parsed.Skipped);
        string[] names =
        [
            "agentsim_conversations_started_total", "agentsim_conversations_ended_total", "agentsim_channel_switches_total",
            "agentsim_context_losses_total", "agentsim_conversations_in_flight",
        ];
        foreach (var name in names)
        {
            Assert.True(parsed.Has(name), $"{name} missing from:\n{text}");
            Assert.Equal(IndependentMetrics.Sum(text, name), parsed.Sum(name));
        }

        Assert.Equal(100, parsed.Sum("agentsim_conversations_started_total"));
        Assert.True(parsed.Sum("agentsim_channel_switches_total") >= 1);
        var counters = SimulationCounters.From(parsed);
        Assert.Equal(100, counters.Started);
        Assert.Equal(parsed.Sum("agentsim_context_losses_total"), counters.ContextLosses);
    }
}
