using System.Text.Json;
using AgentSim.Model.Engine;
using AgentSim.Model.Epochs;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Results;
using AgentSim.Model.Text;
using AgentSim.Model.Transcripts;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Transcripts;

public class ConversationReplayTests
{
    private const long Conversations = 1_500;

    private static (World World, RunResults Results, List<EpochSnapshot> Snapshots) Run(string preset)
    {
        var world = World.Compile(Presets.Load(preset));
        var snapshots = new List<EpochSnapshot>();
        var outcome = PlainLoopEngine.Run(world, new RunOptions(Conversations, 2), snapshots: snapshots);
        return (world, ResultsBuilder.Build(world, outcome), snapshots);
    }

    [Theory]
    [InlineData("no-native-context")]
    [InlineData("provider-outage")]
    [InlineData("strict-governance")]
    public void Replay_EveryConversation_ReproducesTheRunsOutcomes(string preset)
    {
        var (world, results, snapshots) = Run(preset);
        var outcomes = Enumerable.Range(0, (int)Conversations)
            .Select(id => ConversationReplay.Replay(world, id, Conversations, e => snapshots[e]).Outcome)
            .GroupBy(o => o)
            .ToDictionary(g => g.Key, g => (long)g.Count());
        // A replay ends where the conversation left its shard: with its outcome, or handed to a human queue, whose
        // decisions (answered: escalated; left: abandoned) the run counts per queue.
        var offered = results.Queues.Values.Sum(q => q.Offered);
        var leftQueue = results.Queues.Values.Sum(q => q.Abandoned);
        Assert.True(offered > 0, "some conversations reach a human");
        Assert.Equal(offered, outcomes.GetValueOrDefault(ConversationReplay.HandedOver));
        Assert.Equal(results.Outcomes["escalated"], results.Queues.Values.Sum(q => q.Answered));
        Assert.Equal(results.Outcomes["abandoned"] - leftQueue, outcomes.GetValueOrDefault("abandoned"));
        Assert.Equal(results.Outcomes["resolved"], outcomes.GetValueOrDefault("resolved"));
        Assert.Equal(results.Outcomes["failed"], outcomes.GetValueOrDefault("failed"));
    }

    [Fact]
    public void Replay_ContextLostOnASwitch_ShowsTheRepeat()
    {
        var (world, _, snapshots) = Run("no-native-context");
        var transcript = Enumerable.Range(0, (int)Conversations)
            .Select(id => ConversationReplay.Replay(world, id, Conversations, e => snapshots[e]))
            .First(t => t.Turns.Any(turn => turn.ContextLost is not null));
        var index = transcript.Turns.ToList().FindIndex(turn => turn.ContextLost is not null);
        Assert.NotNull(transcript.Turns[index].SwitchedFrom);
        Assert.True(transcript.Turns[index].Repeat, "the customer repeats themselves in the turn after the loss");
    }

    [Fact]
    public void Replay_Transcripts_NeverShowACustomersPiiUnmasked()
    {
        var (world, _, snapshots) = Run("application-only");
        var factory = new AgentSim.Model.Customers.CustomerFactory(world.Seed, world.Config.Customers, world.ChannelMix);
        var leaksShown = 0;
        for (var id = 0; id < 400; id++)
        {
            var transcript = ConversationReplay.Replay(world, id, Conversations, e => snapshots[e]);
            var json = JsonSerializer.Serialize(transcript);
            leaksShown += transcript.Turns.Count(t => t.Incidents.Any(i => i.StartsWith("pii_leak", StringComparison.Ordinal)));
            var customerId = long.Parse(transcript.Customer.Split('#', ' ', '(')[1], System.Globalization.CultureInfo.InvariantCulture);
            var customer = factory.Create(customerId);
            foreach (var entity in Enum.GetValues<PiiEntity>())
            {
                var value = customer.Value(entity);
                Assert.DoesNotContain(value, json, StringComparison.Ordinal);
                Assert.DoesNotContain(SpokenForms.Speak(value), json, StringComparison.Ordinal);
            }
        }

        Assert.True(leaksShown > 0, "the sample should include leaked PII, so masking is actually exercised");
    }
}
