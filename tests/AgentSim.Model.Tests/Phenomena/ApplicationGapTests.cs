using AgentSim.Model.Results;
using AgentSim.Model.Tests.Engine;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>Phenomenon 2: application-only guardrails leave gaps on channels the team has not built for; incidents concentrate there.</summary>
public class ApplicationGapTests
{
    private static double LeaksPerTurn(RunResults r, string channel) =>
        r.LeaksByChannel[channel] / (double)Math.Max(1, r.Latency[channel].Turns);

    [Fact]
    public void ApplicationOnly_VoiceNotBuiltFor_LeaksConcentrateOnVoice()
    {
        var app = PresetRuns.Of("application-only");
        var voice = LeaksPerTurn(app, "voice");
        var chat = LeaksPerTurn(app, "web_chat");
        Assert.True(voice > 3 * chat, $"voice {voice:F5} vs web_chat {chat:F5} leaks per turn");
    }

    [Fact]
    public void ApplicationOnly_ComparedWithPlatformNative_LeaksMoreOnVoice()
    {
        var app = PresetRuns.Of("application-only");
        var platform = PresetRuns.Of("platform-native");
        Assert.True(LeaksPerTurn(app, "voice") > 5 * Math.Max(LeaksPerTurn(platform, "voice"), 1e-5), $"{LeaksPerTurn(app, "voice")} vs {LeaksPerTurn(platform, "voice")}");
    }
}
