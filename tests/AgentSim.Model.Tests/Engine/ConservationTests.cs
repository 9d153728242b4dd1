using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Engine;

public class ConservationTests
{
    public static TheoryData<string> AllPresets => [.. Presets.Names];

    [Theory]
    [MemberData(nameof(AllPresets))]
    public void Run_EveryPreset_EveryStartedConversationHasExactlyOneOutcome(string preset)
    {
        var r = PresetRuns.Of(preset);
        Assert.Equal(r.Conversations, r.Outcomes.Values.Sum());
        Assert.All(r.Outcomes.Values, v => Assert.True(v >= 0));
    }
}
