using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Engine;

/// <summary>Laws every run obeys, checked on every preset: conversations, turns and requests are conserved.</summary>
public class ConservationTests
{
    public static TheoryData<string> AllPresets => [.. Presets.Names];

    [Theory]
    [MemberData(nameof(AllPresets))]
    public void Run_EveryPreset_EveryStartedConversationHasExactlyOneOutcome(string preset)
    {
        var r = PresetRuns.Of(preset);
        Assert.Equal(r.Conversations, r.Outcomes.Values.Sum());
    }

    [Theory]
    [MemberData(nameof(AllPresets))]
    public void Run_EveryPreset_EveryTurnWasCarriedByExactlyOneSuccessfulProviderRequest(string preset)
    {
        var r = PresetRuns.Of(preset);
        var turns = r.Latency.Values.Sum(l => l.Turns);
        var ok = r.Providers.Values.Sum(p => p["ok"]);
        Assert.True(turns > r.Conversations, $"{turns} turns for {r.Conversations} conversations");
        Assert.Equal(turns, ok);
    }

    [Theory]
    [MemberData(nameof(AllPresets))]
    public void Run_EveryPreset_FailedConversationsNeverExceedFailedRequests(string preset)
    {
        var r = PresetRuns.Of(preset);
        var failedRequests = r.Providers.Values.Sum(p => p["error"] + p["throttled"] + p["unavailable"]);
        Assert.InRange(r.Outcomes["failed"], 0, failedRequests);
        Assert.Equal(r.Context.Losses, r.Context.LossesByContinuity.Values.Sum());
        Assert.InRange(r.Context.Losses, 0, r.Context.Switches + failedRequests);
    }
}
