using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Faults;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Guardrails.Layers;
using AgentSim.Model.Providers;
using AgentSim.Model.Randomness;
using AgentSim.Model.Tallies;

namespace AgentSim.Model.Tests.Providers;

public class ProviderRouterTests
{
    private static readonly ProviderModel[] Providers =
    [
        new(0, new ProviderConfig { Name = "main", Channels = [Channel.WebChat, Channel.Voice], ErrorRate = 0, Latency = LatencySpec.Of(100, 100.0001) }),
        new(1, new ProviderConfig { Name = "backup", Channels = [Channel.WebChat, Channel.Voice, Channel.Sms], ErrorRate = 0, Latency = LatencySpec.Of(200, 200.0001) }),
    ];

    private static readonly Route[] Routes = [.. ChannelInfo.All.Select(c => c == Channel.Sms ? new Route(0, 1) : new Route(0, c == Channel.Voice ? -1 : 1))];

    private static EpochSnapshot Snapshot(bool mainDown = false, double mainThrottle = 0, double mainLatencyFactor = 1) => new()
    {
        EndMicros = 60_000_000,
        AgentRolledBack = [],
        ProviderDown = [mainDown, false],
        ProviderThrottle = [mainThrottle, 0],
        GuardrailDown = [false],
        AgentQueues = [],
        ProviderLatencyFactor = [mainLatencyFactor, 1],
        ProviderUtilisation = [0, 0],
    };

    private static (int Provider, long Latency, RunTally Tally, EpochReport Report) Route(
        Channel channel, EpochSnapshot snapshot, FaultSchedule? faults = null, GuardrailModel[]? layers = null, ulong seed = 9)
    {
        var tally = new RunTally(new LabelSpace(2, 1, 0));
        var router = new ProviderRouter(Routes, Providers, layers ?? [], faults ?? new FaultSchedule([]), tally);
        var report = new EpochReport(0, 2);
        var rng = new Rng(seed);
        long latency = 0;
        var provider = router.Route(channel, snapshot, report, 1_000_000, ref rng, ref latency);
        return (provider, latency, tally, report);
    }

    [Fact]
    public void Route_PrimaryUp_UsesItWithItsLatency()
    {
        var (provider, latency, tally, report) = Route(Channel.WebChat, Snapshot());
        Assert.Equal(0, provider);
        Assert.InRange(latency, 99_000, 101_000);
        Assert.Equal([1L, 0L], report.ProviderRequests);
        Assert.Equal(1, tally.Requests(0, Channel.WebChat, ProviderResult.Ok));
    }

    [Fact]
    public void Route_PrimaryDown_FailsOverAndCountsBothRequests()
    {
        var (provider, latency, tally, report) = Route(Channel.WebChat, Snapshot(mainDown: true));
        Assert.Equal(1, provider);
        Assert.InRange(latency, 199_000, 201_000);
        Assert.Equal([1L, 1L], report.ProviderRequests);
        Assert.Equal((1L, 1L), (tally.Requests(0, Channel.WebChat, ProviderResult.Unavailable), tally.Requests(1, Channel.WebChat, ProviderResult.Ok)));
    }

    [Fact]
    public void Route_ScriptedOutageWithoutFailover_Fails()
    {
        var outage = new FaultSchedule([new FaultWindow(FaultKind.ProviderOutage, 0, 10_000_000, 0, -1, null, 0, 0, 0)]);
        var (provider, _, tally, _) = Route(Channel.Voice, Snapshot(), outage);
        Assert.Equal(-1, provider);
        Assert.Equal(1, tally.Requests(0, Channel.Voice, ProviderResult.Unavailable));
    }

    [Fact]
    public void Route_PrimaryDoesNotCarryTheChannel_FailsOver()
    {
        var (provider, _, tally, _) = Route(Channel.Sms, Snapshot());
        Assert.Equal(1, provider);
        Assert.Equal(1, tally.Requests(0, Channel.Sms, ProviderResult.Unavailable));
    }

    [Fact]
    public void Route_Degraded_AddsJitteredLatencyAndErrors()
    {
        var degraded = new FaultSchedule([new FaultWindow(FaultKind.ProviderDegradation, 0, 10_000_000, 0, -1, Channel.WebChat, 1, 2_000_000, 0)]);
        var (provider, latency, tally, _) = Route(Channel.WebChat, Snapshot(), degraded);
        Assert.Equal(1, provider);
        Assert.Equal(1, tally.Requests(0, Channel.WebChat, ProviderResult.Error));
        Assert.InRange(latency, 100_000 + 1_000_000 + 200_000 - 3_000, 100_000 + 3_000_000 + 200_000 + 3_000);
    }

    [Fact]
    public void Route_ThrottledWithoutRateLimit_FailsOverWithA429()
    {
        var (provider, _, tally, _) = Route(Channel.WebChat, Snapshot(mainThrottle: 1));
        Assert.Equal(1, provider);
        Assert.Equal(1, tally.Requests(0, Channel.WebChat, ProviderResult.Throttled));
    }

    [Fact]
    public void Route_ThrottledWithRateLimitLayer_HoldsTheRequestOnThePrimary()
    {
        // Throttled with chance 0.5: the first draw that throttles starts the hold, and a retry is admitted unless ten in a row are throttled.
        var limiter = new GuardrailModel(0, new GuardrailConfig { Name = "limit", Kind = GuardrailKind.RateLimit, Placement = Placement.Platform, Provider = "main" }, 0);
        for (var seed = 0UL; seed < 40; seed++)
        {
            var (provider, _, tally, _) = Route(Channel.WebChat, Snapshot(mainThrottle: 0.5), layers: [limiter], seed: seed);
            Assert.Equal(0, provider);
            Assert.Equal(1, tally.Requests(0, Channel.WebChat, ProviderResult.Ok));
        }
    }

    [Fact]
    public void Route_ThrottledOnEveryRetry_RateLimitGivesUpAndFailsOver()
    {
        var limiter = new GuardrailModel(0, new GuardrailConfig { Name = "limit", Kind = GuardrailKind.RateLimit, Placement = Placement.Platform, Provider = "main" }, 0);
        var (provider, _, tally, _) = Route(Channel.WebChat, Snapshot(mainThrottle: 1), layers: [limiter]);
        Assert.Equal(1, provider);
        Assert.Equal(1, tally.Requests(0, Channel.WebChat, ProviderResult.Throttled));
        Assert.Equal(1, tally.Checks(0, CheckResult.Block));
    }

    [Fact]
    public void Route_ProviderUnderLoad_StretchesItsLatencyByTheSnapshotFactor()
    {
        // 100 ms at a factor of 2.5 (utilisation 0.6: 1/(1 − 0.6)) is 250 ms.
        var (_, latency, _, _) = Route(Channel.WebChat, Snapshot(mainLatencyFactor: ProviderRuntime.LatencyFactorAt(0.6)));
        Assert.InRange(latency, 249_000, 251_000);
    }
}
