using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;

namespace AgentSim.Scenarios.Tests;

/// <summary>The <c>human_queues</c> section and the agent <c>queue</c> key are read, with defaults, and the presets have a queue.</summary>
public sealed class HumanQueuesReadingTests
{
    public static TheoryData<string> PresetNames => [.. Presets.Names];

    [Fact]
    public void LoadText_EveryKey_IsRead()
    {
        var c = ScenarioLoader.LoadText(HumanQueuesYaml.Scenario("""
            human_queues:
              - name: front
                servers: 1_000
                handle_time: {mean_seconds: 240}
                patience:
                  mean_seconds: 600
                  by_channel: {voice: 60, web_chat: 300}
                service_level_seconds: 30
                priority: [platinum, gold]
              - name: specialists
                servers: unlimited
                handle_time: {p50_ms: 240000, p99_ms: 1200000}
            """, """
            agents:
              - name: a1
                queue: specialists
              - name: a2
            """), "q.yaml");

        var front = c.HumanQueues[0];
        Assert.Equal(("front", 1000), (front.Name, front.Servers));
        Assert.Equal((DurationKind.Exponential, 240), (front.HandleTime.Kind, front.HandleTime.MeanSeconds));
        var patience = Assert.IsType<PatienceSpec>(front.Patience);
        Assert.Equal(600, patience.MeanSeconds);
        Assert.Equal(new Dictionary<Channel, double> { [Channel.Voice] = 60, [Channel.WebChat] = 300 }, patience.ByChannel);
        Assert.Equal(30, front.ServiceLevelSeconds);
        Assert.Equal(["platinum", "gold"], front.TierPriority);
        var specialists = c.HumanQueues[1];
        Assert.Equal("specialists", specialists.Name);
        Assert.Null(specialists.Servers);
        Assert.Equal((DurationKind.LogNormal, 240000, 1200000), (specialists.HandleTime.Kind, specialists.HandleTime.P50Ms, specialists.HandleTime.P99Ms));
        Assert.Equal(new string?[] { "specialists", null }, c.Agents.Select(a => a.Queue));
    }

    [Fact]
    public void LoadText_OnlyAName_KeepsTheDefaults()
    {
        var queue = Assert.Single(ScenarioLoader.LoadText(HumanQueuesYaml.Scenario("human_queues: [{name: q}]"), "q.yaml").HumanQueues);

        Assert.Equal("q", queue.Name);
        Assert.Null(queue.Servers);
        Assert.Equal((DurationKind.Exponential, 360), (queue.HandleTime.Kind, queue.HandleTime.MeanSeconds));
        Assert.Null(queue.Patience);
        Assert.Equal(20, queue.ServiceLevelSeconds);
        Assert.Empty(queue.TierPriority);
    }

    [Fact]
    public void LoadText_NoHumanQueues_ReadsNoQueueAndAgentsNameNone()
    {
        var c = ScenarioLoader.LoadText(Yaml.Minimal, "m.yaml");

        Assert.Empty(c.HumanQueues);
        Assert.Null(Assert.Single(c.Agents).Queue);
    }

    [Fact]
    public void LoadText_NullQueue_MeansTheFirstQueue()
    {
        var c = ScenarioLoader.LoadText(HumanQueuesYaml.Scenario("human_queues: [{name: q}]", "agents:\n  - {name: a1, queue: ~}"), "q.yaml");

        Assert.Null(Assert.Single(c.Agents).Queue);
    }

    [Fact]
    public void LoadText_PatienceWithoutByChannel_IsTheSameOnEveryChannel()
    {
        var queue = ScenarioLoader.LoadText(HumanQueuesYaml.Scenario("human_queues: [{name: q, patience: {mean_seconds: 90}}]"), "q.yaml").HumanQueues[0];

        var patience = Assert.IsType<PatienceSpec>(queue.Patience);
        Assert.Empty(patience.ByChannel);
        Assert.Equal(90, patience.MeanSecondsFor(Channel.Voice));
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Load_EveryPreset_HandsOverToOneHumansQueueSizedForItsRate(string name)
    {
        var config = Presets.Load(name);

        var queue = Assert.Single(config.HumanQueues);
        Assert.All(config.Agents, a => Assert.Null(a.Queue));
        Assert.True(config.Arrivals.RatePerSecond * 0.3 * queue.HandleTime.Mean < 0.75 * queue.Servers, "30% of arrivals keep the servers below 75% occupancy");
        Assert.DoesNotContain("human_capacity_per_hour", Presets.GetText(name), StringComparison.Ordinal);
        if (name == "capacity")
        {
            // Sized for its own 2 conversations/s, to be overloaded at --rate 20.
            Assert.Equal(("desk", 300, 300.0), (queue.Name, queue.Servers, queue.HandleTime.MeanSeconds));
            return;
        }

        Assert.Equal(("humans", 150), (queue.Name, queue.Servers));
        Assert.Equal((DurationKind.Exponential, 360), (queue.HandleTime.Kind, queue.HandleTime.MeanSeconds));
        var patience = Assert.IsType<PatienceSpec>(queue.Patience);
        Assert.Equal(600, patience.MeanSeconds);
        Assert.Equal(new Dictionary<Channel, double> { [Channel.Voice] = 180, [Channel.WebChat] = 300 }, patience.ByChannel);
        Assert.Equal(20, queue.ServiceLevelSeconds);
    }
}
