using AgentSim.Abstractions.Grains;
using AgentSim.Grains.Tests.Fixtures;
using AgentSim.Model;
using AgentSim.Model.Channels;
using AgentSim.Model.Events;
using AgentSim.Model.Queues;
using AgentSim.Model.Transcripts;

namespace AgentSim.Grains.Tests.Conversations;

[Collection(ClusterCollection.Name)]
public sealed class ConversationGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task GetTranscriptAsync_EveryConversationOfARun_ReplaysTheRunsOutcomes()
    {
        const int n = 600;
        var request = Runs.Request("provider-outage", seed: 9, conversations: n, parallelism: 3);
        var outcome = await cluster.RunAsync(request);

        var transcripts = await Task.WhenAll(Enumerable.Range(0, n).Select(id =>
            cluster.Client.GetGrain<IConversationGrain>(GrainKeys.Of(request.RunId, id.ToString(System.Globalization.CultureInfo.InvariantCulture))).GetTranscriptAsync()));

        // Conversations handed to the human queue end there: answered (escalated) or left (abandoned).
        var queue = QueueStats.ReadFrom(outcome.Tally.Queue(0), servers: null, serviceLevelMicros: 0);
        Assert.Equal(queue.Offered, transcripts.Count(t => t.Outcome == ConversationReplay.HandedOver));
        foreach (var o in new[] { Outcome.Resolved, Outcome.Failed })
        {
            Assert.Equal(ChannelInfo.All.Sum(c => outcome.Tally.Ended(o, c)), transcripts.Count(t => t.Outcome == o.Name()));
        }

        Assert.Equal(ChannelInfo.All.Sum(c => outcome.Tally.Ended(Outcome.Abandoned, c)) - queue.Abandoned, transcripts.Count(t => t.Outcome == "abandoned"));

        Assert.Contains(transcripts, t => t.Outcome == "failed" && t.Turns.Any(turn => turn.Providers.Any(p => p.EndsWith(": unavailable", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task GetTranscriptAsync_IdBeyondTheRun_FailsClearly()
    {
        var request = Runs.Request("baseline", seed: 1, conversations: 50, parallelism: 1);
        await cluster.RunAsync(request);

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            cluster.Client.GetGrain<IConversationGrain>(GrainKeys.Of(request.RunId, "50")).GetTranscriptAsync());
        Assert.Contains("did not start in this run", error.Message, StringComparison.Ordinal);
    }
}
