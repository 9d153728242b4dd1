using AgentSim.Model.Channels;

namespace AgentSim.Scenarios.Tests;

/// <summary>The behaviour assumptions that were numbers in code are scenario settings with documented defaults.</summary>
public class BehaviourSettingsTests
{
    private const string Minimal = """
        name: m
        channels: {mix: {web_chat: 1}}
        providers:
          - {name: p, channels: [web_chat, voice]}
        routing: {web_chat: {primary: p}, voice: {primary: p}}
        agents:
          - name: a
        """;

    [Fact]
    public void LoadText_NothingSet_DefaultsAreTheFormerConstants()
    {
        var c = ScenarioLoader.LoadText(Minimal, "m.yaml");

        Assert.Equal([20.0, 90, 180, 4, 3600, 60], ChannelInfo.All.Select(ch => c.Channels.ThinkSeconds[ch]));
        Assert.Equal((0.05, 0.15, 0.1), (c.Conversation.FrustrationPerDuplicate, c.Conversation.FrustrationPerWrongAnswer, c.Conversation.FrustrationPerRefusal));
        Assert.Equal(c.Conversation.FrustrationPerRepeat / 2, c.Conversation.ResendFrustration);
        Assert.Equal(3, c.Agents[0].Behaviour.UnsafeAfterAbuseMultiplier);
    }

    [Fact]
    public void LoadText_EverySettingGiven_ReadsIt()
    {
        var c = ScenarioLoader.LoadText("""
            name: m
            channels: {mix: {web_chat: 1}, think_seconds: {voice: 9, email: 600}}
            conversation:
              frustration_per_resend: 0.2
              frustration_per_duplicate: 0.01
              frustration_per_wrong_answer: 0.3
              frustration_per_refusal: 0.4
            providers:
              - {name: p, channels: [web_chat, voice]}
            routing: {web_chat: {primary: p}, voice: {primary: p}}
            agents:
              - name: a
                behaviour: {unsafe_after_abuse_multiplier: 5}
            guardrails:
              - {name: rail, kind: topic, placement: application, channels: [web_chat], recall: 0.7, obfuscated_recall_factor: 0.25}
            """, "m.yaml");

        Assert.Equal((9.0, 600.0, 20.0), (c.Channels.ThinkSeconds[Channel.Voice], c.Channels.ThinkSeconds[Channel.Email], c.Channels.ThinkSeconds[Channel.WebChat]));
        Assert.Equal((0.2, 0.01, 0.3, 0.4), (c.Conversation.ResendFrustration, c.Conversation.FrustrationPerDuplicate, c.Conversation.FrustrationPerWrongAnswer, c.Conversation.FrustrationPerRefusal));
        Assert.Equal(5, c.Agents[0].Behaviour.UnsafeAfterAbuseMultiplier);
        Assert.Equal((0.7, 0.25), (c.Guardrails[0].Recall, c.Guardrails[0].ObfuscatedRecallFactor));
    }

    [Fact]
    public void LoadText_BadValues_ReportEachWithItsField()
    {
        var ex = Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText("""
            name: m
            channels: {mix: {web_chat: 1}, think_seconds: {voice: 0}}
            providers:
              - {name: p, channels: [web_chat, voice]}
            routing: {web_chat: {primary: p}, voice: {primary: p}}
            agents:
              - name: a
                behaviour: {unsafe_after_abuse_multiplier: 0.5}
            guardrails:
              - {name: pii, kind: pii, placement: application, channels: [web_chat], recall: 0.5}
            """, "bad.yaml"));

        Assert.Equal("a think time must be greater than 0 seconds", ProblemAssert.Has(ex.Problems, "bad.yaml", 2, "channels.think_seconds.voice").Message);
        Assert.Equal("must be 1 or more, got 0.5", ProblemAssert.Has(ex.Problems, "bad.yaml", 8, "agents[0].behaviour.unsafe_after_abuse_multiplier").Message);
        Assert.Equal("only injection and topic layers have recall; a pii layer does not use it", ProblemAssert.Has(ex.Problems, "bad.yaml", 10, "guardrails[0].recall").Message);
    }
}
