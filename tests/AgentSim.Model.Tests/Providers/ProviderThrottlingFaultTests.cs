using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Model.Faults;
using AgentSim.Model.Results;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Providers;

/// <summary>A scripted <c>provider_throttling</c> fault answers its share of the named provider's requests 429, in virtual time and reproducibly.</summary>
public class ProviderThrottlingFaultTests
{
    private const long Conversations = 3_000;

    private static RunResults Run(string preset, params FaultConfig[] faults)
    {
        var scenario = Presets.Load(preset);
        scenario.Faults.Clear();
        scenario.Faults.AddRange(faults);
        var world = World.Compile(scenario);
        return ResultsBuilder.Build(world, PlainLoopEngine.Run(world, new RunOptions(Conversations, 2)));
    }

    private static FaultConfig Throttling(double rate, Channel? channel = null, double start = 0, double duration = 24 * 60) =>
        new() { Kind = FaultKind.ProviderThrottling, Provider = "omnicx", Channel = channel, StartMinutes = start, DurationMinutes = duration, Rate = rate };

    private static long Requests(SortedDictionary<string, long> counts) => counts.Values.Sum();

    [Fact]
    public void Throttling_ThrottlesItsShareOfTheNamedProvider_AndFailoverCarriesThem()
    {
        var clean = Run("baseline");
        var throttled = Run("baseline", Throttling(0.3));
        var omnicx = throttled.Providers["omnicx"];

        // baseline is far below omnicx's quota: it throttles nothing by itself.
        Assert.Equal(0, clean.Providers["omnicx"]["throttled"]);
        var share = omnicx["throttled"] / (double)Requests(omnicx);
        Assert.InRange(share, 0.27, 0.33);

        // Every 429 goes to the failover, which carries it; the other provider is not throttled by the fault.
        Assert.True(throttled.Providers["backupcx"]["ok"] > clean.Providers["backupcx"]["ok"] + (omnicx["throttled"] / 2),
            $"backupcx ok {throttled.Providers["backupcx"]["ok"]} vs {clean.Providers["backupcx"]["ok"]}, omnicx throttled {omnicx["throttled"]}");
        Assert.Equal(clean.Providers["backupcx"]["throttled"], throttled.Providers["backupcx"]["throttled"]);
    }

    [Fact]
    public void Throttling_WithoutFailover_FailsConversations()
    {
        var clean = Run("provider-outage");
        var throttled = Run("provider-outage", Throttling(0.5));
        Assert.True(throttled.Outcomes["failed"] > clean.Outcomes["failed"] + 500, $"failed {throttled.Outcomes["failed"]} vs {clean.Outcomes["failed"]}");
        Assert.True(throttled.Rollbacks.Total > clean.Rollbacks.Total, $"rollbacks {throttled.Rollbacks.Total} vs {clean.Rollbacks.Total}");
    }

    [Fact]
    public void Throttling_ScopedToAChannel_ThrottlesThatChannelOnly()
    {
        // Voice is about a sixth of the traffic: throttling all of omnicx's voice requests is a fraction of throttling all of them.
        var voiceOnly = Run("baseline", Throttling(1.0, Channel.Voice)).Providers["omnicx"];
        var everything = Run("baseline", Throttling(1.0)).Providers["omnicx"];
        Assert.Equal(Requests(everything), everything["throttled"]);
        Assert.InRange(voiceOnly["throttled"], 1, everything["throttled"] / 2);
        Assert.True(voiceOnly["ok"] > voiceOnly["throttled"], $"ok {voiceOnly["ok"]}, throttled {voiceOnly["throttled"]}");
    }

    [Fact]
    public void Throttling_OnlyInsideItsWindow()
    {
        // Arrivals at 1/s: 3,000 conversations span about 50 minutes; a window that opens after the last request throttles nothing.
        var late = Run("baseline", Throttling(1.0, start: 24 * 60, duration: 60));
        var clean = Run("baseline");
        Assert.Equal(ResultsJson.Serialize(clean), ResultsJson.Serialize(late));
    }

    [Fact]
    public void Throttling_SameSeedTwice_IdenticalResults() =>
        Assert.Equal(ResultsJson.Serialize(Run("baseline", Throttling(0.2))), ResultsJson.Serialize(Run("baseline", Throttling(0.2))));
}
