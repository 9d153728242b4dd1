using System.Text.Json;
using AgentSim.Model.Queues;
using AgentSim.Model.Results;

namespace AgentSim.Model.Tests.Queues;

public class QueueStatsTests
{
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
