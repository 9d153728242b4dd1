using AgentSim.Model.Results;
using AgentSim.Model.Tests.Engine;

namespace AgentSim.Model.Tests.Phenomena;

/// <summary>Phenomenon 3: defense in depth leaks least but adds most latency; platform-native is fast and consistent where offered.</summary>
public class PlacementTests
{
    private static double IncidentsPerConversation(RunResults r) => r.Incidents.Total / (double)r.Conversations;

    private static double AddedLatency(RunResults r) =>
        r.Latency.Values.Sum(l => l.GuardrailAddedMeanMs * l.Turns) / r.Latency.Values.Sum(l => l.Turns);

    [Fact]
    public void DefenseInDepth_LeaksLeast()
    {
        var did = PresetRuns.Of("defense-in-depth");
        var platform = PresetRuns.Of("platform-native");
        var app = PresetRuns.Of("application-only");
        Assert.True(IncidentsPerConversation(did) < IncidentsPerConversation(platform), $"{IncidentsPerConversation(did)} vs platform {IncidentsPerConversation(platform)}");
        Assert.True(IncidentsPerConversation(did) < IncidentsPerConversation(app), $"{IncidentsPerConversation(did)} vs application {IncidentsPerConversation(app)}");
        Assert.True(did.LeaksByChannel.Values.Sum() <= platform.LeaksByChannel.Values.Sum());
    }

    [Fact]
    public void DefenseInDepth_AddsMostLatency()
    {
        var did = AddedLatency(PresetRuns.Of("defense-in-depth"));
        var platform = AddedLatency(PresetRuns.Of("platform-native"));
        var app = AddedLatency(PresetRuns.Of("application-only"));
        Assert.True(did > platform * 1.2, $"{did} vs platform {platform}");
        Assert.True(did > app * 1.2, $"{did} vs application {app}");
    }

    [Fact]
    public void PlatformNative_AddedLatency_IsConsistentAcrossChannels()
    {
        static double Spread(RunResults r)
        {
            var values = r.Latency.Values.Select(l => l.GuardrailAddedMeanMs).ToArray();
            return values.Max() / Math.Max(values.Min(), 0.001);
        }

        var platform = Spread(PresetRuns.Of("platform-native"));
        var app = Spread(PresetRuns.Of("application-only"));
        Assert.True(platform < 1.5, $"platform spread {platform}");
        Assert.True(app > 3 * platform, $"application spread {app} vs platform {platform}");
    }
}
