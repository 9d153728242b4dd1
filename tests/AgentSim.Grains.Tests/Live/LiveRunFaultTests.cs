using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Live;
using AgentSim.Model.Conversations;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using AgentSim.Model.Faults;
using AgentSim.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace AgentSim.Grains.Tests.Live;

/// <summary>
/// Runtime faults on the real-time clock, on a fake wall clock: a fault's wall-clock window is placed on the clock's
/// simulated time, reaches the snapshot the turns read (a provider outage without failover fails the conversation's
/// turn), and only a newer list replaces the faults in force. The provider-outage preset without its scripted outage.
/// </summary>
public sealed class LiveRunFaultTests
{
    private const double TimeScale = 10;

    private static readonly World NoFailover = World.Compile(WithoutTimeline("provider-outage"));

    private static Model.Configuration.ScenarioConfig WithoutTimeline(string preset)
    {
        var config = Presets.Load(preset);
        config.Faults.Clear();
        return config;
    }

    private static (LiveRun Run, FakeTimeProvider Time) Start()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        var run = new LiveRun(NoFailover, TimeScale, new LiveConversations(100, 100, time, new NoLiveMetrics()), null, time);
        return (run, time);
    }

    private static RuntimeFault Outage(DateTimeOffset now, double startSeconds, double durationSeconds, string provider = "omnicx") =>
        new(1, "provider_outage", provider, null, null, 0, 0, 0, now.AddSeconds(startSeconds), now.AddSeconds(startSeconds + durationSeconds));

    [Fact]
    public void ApplyFaults_PlacesTheWallClockWindowOnSimulatedTime_AndTheGaugeSeesItOnlyInside()
    {
        var (run, time) = Start();
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(run.ApplyFaults(new RuntimeFaultList(1, [Outage(time.GetUtcNow(), 2, 3)], "r")));

        // One wall second after the clock started is 10 simulated seconds; 2 to 5 wall seconds later is 30 to 60.
        var window = Assert.Single(run.Faults.Windows);
        Assert.Equal((FaultKind.ProviderOutage, 30_000_000L, 60_000_000L, 0), (window.Kind, window.StartMicros, window.EndMicros, window.Provider));
        Assert.Same(run.Faults, run.Current.Faults);
        Assert.Empty(run.ActiveFaults());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([(FaultKind.ProviderOutage, "omnicx")], run.ActiveFaults());
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Empty(run.ActiveFaults());
    }

    [Fact]
    public void ApplyFaults_OnlyANewerListOrAnotherRegistry_ReplacesTheFaults_AndUnknownNamesAreLeftOut()
    {
        var (run, time) = Start();
        var now = time.GetUtcNow();
        Assert.True(run.ApplyFaults(new RuntimeFaultList(2, [Outage(now, 0, 60)], "r")));
        Assert.False(run.ApplyFaults(new RuntimeFaultList(1, [], "r")));
        Assert.False(run.ApplyFaults(new RuntimeFaultList(2, [], "r")));
        Assert.Single(run.Faults.Windows);

        // A registry activated again starts over at version 1.
        Assert.True(run.ApplyFaults(new RuntimeFaultList(1, [Outage(now, 0, 60, provider: "nobody"), Outage(now, -60, 30)], "r2")));
        Assert.Empty(run.Faults.Windows);
    }

    [Fact]
    public void RuntimeOutage_WithoutFailover_FailsTheConversationsTurn_AndEndingItRestoresIt()
    {
        var (run, time) = Start();
        var clean = run.Start(1, default);
        Assert.NotEqual(Outcome.Failed, Play(run, clean));

        var (faulted, _) = Start();
        Assert.True(faulted.ApplyFaults(new RuntimeFaultList(1, [Outage(time.GetUtcNow(), 0, 3600)], "r")));
        var failing = faulted.Start(1, default);
        Assert.Equal(Outcome.Failed, Play(faulted, failing));

        // Ended early (its end set to now): the same conversation's first turn goes through again.
        var (ended, _) = Start();
        Assert.True(ended.ApplyFaults(new RuntimeFaultList(1, [Outage(time.GetUtcNow(), 0, 3600)], "r")));
        Assert.True(ended.ApplyFaults(new RuntimeFaultList(2, [Outage(time.GetUtcNow(), 0, 0)], "r")));
        Assert.NotEqual(Outcome.Failed, Play(ended, ended.Start(1, default)));
    }

    private static Outcome? Play(LiveRun run, ConversationState c)
    {
        run.Play(c);
        return c.Outcome;
    }
}
