using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Results;
using AgentSim.Model.Tests.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>Time matters to customers: on a synchronous channel a slow turn loses the customer, so guardrail latency has a cost in outcomes.</summary>
public class TurnToleranceTests
{
    private const long Conversations = 8_000;

    // Defense in depth with every customer on voice, staying there: the channel where a slow line loses callers.
    private static ScenarioConfig VoiceOnly(double guardrailLatencyScale)
    {
        var s = Presets.Load("defense-in-depth");
        s.Channels.Mix = new() { [Channel.Voice] = 1 };
        s.Channels.SwitchProbability = 0;
        foreach (var g in s.Guardrails)
        {
            g.Latency = LatencySpec.Of(g.Latency.P50Ms * guardrailLatencyScale, g.Latency.P99Ms * guardrailLatencyScale);
        }

        return s;
    }

    private static double Share(RunResults r, long count) => count / (double)r.Conversations;

    [Fact]
    public void GuardrailLatency_OnVoice_RaisesAbandonment()
    {
        var fast = PresetRuns.Run(VoiceOnly(0.01), Conversations);
        var slow = PresetRuns.Run(VoiceOnly(1.0), Conversations);
        var fastHangUps = Share(fast, fast.Abandonment["turn_tolerance"]);
        var slowHangUps = Share(slow, slow.Abandonment["turn_tolerance"]);
        Assert.True(slow.Latency["voice"].GuardrailAddedMeanMs > 300, $"guardrails add {slow.Latency["voice"].GuardrailAddedMeanMs} ms per voice turn");
        Assert.True(slowHangUps > fastHangUps * 1.15, $"hang-ups {slowHangUps:P2} with guardrail latency against {fastHangUps:P2} without");
        Assert.True(Share(slow, slow.Outcome("abandoned")) > Share(fast, fast.Outcome("abandoned")), "abandonment as a whole rises");
    }

    [Fact]
    public void ToleranceFarAboveTurnLatency_NobodyHangsUp()
    {
        var s = VoiceOnly(1.0);
        s.Customers.TurnTolerance = new() { [Channel.Voice] = 1e9, [Channel.WebChat] = 1e9 };
        Assert.Equal(0, PresetRuns.Run(s, 2_000).Abandonment["turn_tolerance"]);
    }

    [Fact]
    public void NoTurnTolerance_NobodyHangsUp_AndAsynchronousChannelsNeverDo()
    {
        var none = VoiceOnly(1.0);
        none.Customers.TurnTolerance = [];
        Assert.Equal(0, PresetRuns.Run(none, 2_000).Abandonment["turn_tolerance"]);

        var email = Presets.Load("baseline");
        email.Channels.Mix = new() { [Channel.Email] = 1 };
        email.Channels.SwitchProbability = 0;
        Assert.Equal(0, PresetRuns.Run(email, 2_000).Abandonment["turn_tolerance"]);
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("capacity")]
    public void Abandonment_ByReason_AddsUpToTheAbandonedOutcome(string preset)
    {
        var r = PresetRuns.Of(preset);
        Assert.Equal(r.Outcome("abandoned"), r.Abandonment.Values.Sum());
        Assert.True(r.Abandonment["turn_tolerance"] > 0, "the default tolerances on voice and web chat lose some customers");
    }
}
