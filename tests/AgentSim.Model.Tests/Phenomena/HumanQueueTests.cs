using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;
using AgentSim.Model.Tests.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>Everything that reaches a human goes through a queue, and a queue short of servers makes customers wait and leave.</summary>
public class HumanQueueTests
{
    private const long Conversations = 6_000;

    private static RunResults Run(Action<ScenarioConfig> change)
    {
        var scenario = Presets.Load("baseline");
        change(scenario);
        return PresetRuns.Run(scenario, Conversations);
    }

    [Fact]
    public void Run_NoHumanQueues_OneUnlimitedQueueAnswersEveryHandoverAtOnce()
    {
        var r = Run(s => s.HumanQueues.Clear());

        var queue = Assert.Single(r.Queues);
        Assert.Equal(World.DefaultQueueName, queue.Key);
        Assert.True(queue.Value.Offered > Conversations / 10, $"offered {queue.Value.Offered}");
        Assert.Equal((queue.Value.Offered, 0L, 0.0), (queue.Value.Answered, queue.Value.Abandoned, queue.Value.WaitProbability));
        Assert.Equal(queue.Value.Answered, r.Outcomes["escalated"]);
        Assert.Equal(Conversations, r.Outcomes.Values.Sum());
    }

    [Fact]
    public void Run_QueueShortOfServers_CustomersWaitAndLeaveAndFewerAreEscalated()
    {
        var ample = Run(s => s.HumanQueues = [Queue(servers: 200, patience: 120)]);
        var short_ = Run(s => s.HumanQueues = [Queue(servers: 10, patience: 120)]);

        var a = ample.Queues["desk"];
        var s = short_.Queues["desk"];
        Assert.True(a.WaitProbability < 0.01, $"ample wait probability {a.WaitProbability}");
        Assert.True(s.WaitProbability > 0.5, $"short wait probability {s.WaitProbability}");
        Assert.True(s.Abandoned > s.Offered / 4, $"{s.Abandoned} of {s.Offered} left the queue");
        Assert.True(s.Occupancy > 2 * a.Occupancy, $"occupancy {s.Occupancy} with 10 servers, {a.Occupancy} with 200 (over the whole run, drain included)");
        Assert.True(short_.Outcomes["escalated"] < ample.Outcomes["escalated"]);
        Assert.True(short_.Outcomes["abandoned"] > ample.Outcomes["abandoned"]);
        Assert.Equal(Conversations, short_.Outcomes.Values.Sum());
        Assert.Equal(s.Answered, short_.Outcomes["escalated"]);
    }

    [Fact]
    public void Run_UnlimitedPatience_NobodyLeavesTheQueueAndEveryoneIsAnsweredEventually()
    {
        var r = Run(s => s.HumanQueues = [Queue(servers: 10, patience: null)]);

        var q = r.Queues["desk"];
        Assert.Equal((q.Offered, 0L), (q.Answered, q.Abandoned));
        Assert.True(q.MeanWaitSeconds > 60, $"mean wait {q.MeanWaitSeconds} s");
        Assert.Equal(Conversations, r.Outcomes.Values.Sum());
    }

    [Fact]
    public void Run_AgentNamesItsQueue_ItsHandoversGoThereAndTheRestToTheFirst()
    {
        var r = Run(s =>
        {
            s.HumanQueues = [Queue(servers: 100, patience: null), Queue(servers: 100, patience: null, name: "tech")];
            s.Agents[^1].Queue = "tech";
        });

        Assert.True(r.Queues["desk"].Offered > 0 && r.Queues["tech"].Offered > 0, $"desk {r.Queues["desk"].Offered}, tech {r.Queues["tech"].Offered}");
        Assert.Equal(r.Outcomes["escalated"], r.Queues["desk"].Answered + r.Queues["tech"].Answered);
    }

    private static HumanQueueConfig Queue(int servers, double? patience, string name = "desk") => new()
    {
        Name = name,
        Servers = servers,
        HandleTime = DurationSpec.Exponential(360),
        Patience = patience is { } p ? PatienceSpec.Exponential(p) : null,
    };
}
