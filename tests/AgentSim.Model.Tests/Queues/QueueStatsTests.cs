using System.Text.Json;
using AgentSim.Model.Queues;
using AgentSim.Model.Results;
using AgentSim.Model.Tallies;

namespace AgentSim.Model.Tests.Queues;

public class QueueStatsTests
{
    [Fact]
    public void WaitBuckets_AnyValue_SameAsLatencyHistogram()
    {
        Assert.Equal(LatencyHistogram.Buckets, WaitBuckets.Buckets);
        foreach (var micros in new long[] { -5, 0, 1, 63, 64, 65, 1_000, 19_999_999, 20_000_000, 3_600_000_000, long.MaxValue })
        {
            Assert.Equal(LatencyHistogram.BucketOf(micros), WaitBuckets.BucketOf(micros));
        }

        for (var b = 0; b < WaitBuckets.Buckets; b++)
        {
            Assert.Equal(LatencyHistogram.ValueOf(b), WaitBuckets.ValueOf(b));
        }

        var counts = new long[WaitBuckets.Buckets];
        counts[3] = 5;
        counts[500] = 2;
        counts[900] = 1;
        foreach (var q in new[] { 0.0, 0.5, 0.7, 0.9, 1.0 })
        {
            Assert.Equal(LatencyHistogram.Quantile(counts, q), WaitBuckets.Quantile(counts, q));
        }
    }

    [Fact]
    public void ToResults_Serialised_HasTheIssueKeys()
    {
        var queue = new HumanQueue(QueueTestKit.Config(servers: 2, meanHandleSeconds: 30, meanPatienceSeconds: 20), seed: 4);
        QueueTestKit.Run(queue, QueueTestKit.Poisson(4, 0.08, 2_000), epochSeconds: 60, drainSeconds: 0);

        var json = JsonSerializer.SerializeToElement(queue.Stats.ToResults(), ResultsJson.Options);
        string[] expected =
        [
            "servers", "offered", "offered_per_second", "mean_handle_seconds", "answered", "abandoned",
            "wait_probability", "mean_wait_seconds", "wait_p90_seconds", "service_level", "occupancy",
        ];
        Assert.Equal(expected, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(queue.Stats.Offered, json.GetProperty("offered").GetInt64());
        Assert.InRange(json.GetProperty("occupancy").GetDouble(), 0.7, 1);
    }
}
