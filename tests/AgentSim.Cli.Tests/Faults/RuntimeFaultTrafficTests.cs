using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;
using AgentSim.Scenarios;

namespace AgentSim.Cli.Tests.Faults;

/// <summary>
/// Runtime faults act on a silo's real-time traffic: the provider-outage world (omnicx primary on every channel,
/// governance that rolls agents back after 20 failed conversations in an hour) running at 60× with its scripted outage
/// removed, then an outage of omnicx injected through <c>POST /api/faults</c>. Without failover conversations fail and
/// agents are rolled back for failures; with backupcx as failover almost none fail and none is rolled back. Counts are
/// compared over windows of wall time; no timing is asserted beyond generous bounds. A virtual-time run on a silo with a
/// runtime fault is untouched by it.
/// </summary>
[Collection(nameof(RuntimeFaultApiTests))]
public sealed class RuntimeFaultTrafficTests
{
    private const double TimeScale = 60;
    private const double Rate = 1;
    private const string Failed = "agentsim_conversations_ended_total";
    private const string Rollbacks = "agentsim_agent_rollbacks_total";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(double FailedBefore, double FailedDuring, double RollbacksBefore, double RollbacksAfter)> OutageAsync(string? failover)
    {
        await using var silo = await FaultSilo.StartAsync("provider-outage", TimeScale, Rate, failover);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var failed0 = await silo.MetricAsync(Failed, "outcome=failed");
        var rollbacks0 = await silo.MetricAsync(Rollbacks, "reason=failures");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var failed1 = await silo.MetricAsync(Failed, "outcome=failed");
        await silo.AddAsync("""{"kind":"provider_outage","provider":"omnicx","duration":2}""");
        await Task.Delay(TimeSpan.FromSeconds(2.2), Ct);
        var failed2 = await silo.MetricAsync(Failed, "outcome=failed");

        // Governance acts when an epoch (60 simulated seconds, 1 wall second here) closes.
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var rollbacks1 = await silo.MetricAsync(Rollbacks, "reason=failures");
        Assert.Null(silo.Host.TrafficFailure);
        Assert.True(await silo.MetricAsync("agentsim_conversations_started_total") > 300, "too little traffic to judge");
        return (failed1 - failed0, failed2 - failed1, rollbacks0, rollbacks1);
    }

    [Fact]
    public async Task RuntimeProviderOutage_WithoutFailover_FailsConversationsAndRollsAgentsBack_WithFailoverItDoesNot()
    {
        var without = await OutageAsync(failover: null);
        var with = await OutageAsync(failover: "backupcx");
        TestContext.Current.TestOutputHelper?.WriteLine($"without failover: failed {without.FailedBefore} before, {without.FailedDuring} during; rollbacks for failures {without.RollbacksBefore} → {without.RollbacksAfter}");
        TestContext.Current.TestOutputHelper?.WriteLine($"with failover: failed {with.FailedBefore} before, {with.FailedDuring} during; rollbacks for failures {with.RollbacksBefore} → {with.RollbacksAfter}");

        // Without failover: nearly every turn routed during the outage fails its conversation, far more than before it.
        Assert.True(without.FailedDuring >= 50 && without.FailedDuring >= 5 * (without.FailedBefore + 2),
            $"without failover: {without.FailedDuring} failed during the outage, {without.FailedBefore} in as long before it");
        Assert.True(without.RollbacksAfter > without.RollbacksBefore, $"without failover: rollbacks for failures {without.RollbacksBefore} → {without.RollbacksAfter}");

        // With failover: backupcx carries the turns; only its own error rate fails a few, and no agent is rolled back for failures.
        Assert.True(with.FailedDuring * 4 < without.FailedDuring, $"with failover {with.FailedDuring} failed during the outage, without {without.FailedDuring}");
        Assert.Equal(with.RollbacksBefore, with.RollbacksAfter);
    }

    [Fact]
    public async Task VirtualTimeRun_OnASiloWithARuntimeOutage_TakesFaultsFromItsTimelineAlone()
    {
        // The silo's real-time traffic has omnicx down; a virtual-time run on the same silo does not see it: its results
        // equal the plain loop's byte for byte.
        await using var silo = await FaultSilo.StartAsync("baseline");
        await silo.AddAsync("""{"kind":"provider_outage","provider":"omnicx","duration":600}""");
        var request = new RunRequest($"virtual-{Guid.NewGuid():N}", Presets.GetText("baseline"), "baseline.yaml", null, 1_000, 1);
        var world = WorldCompiler.Compile(request);
        var onSilo = ResultsJson.Serialize(ResultsBuilder.Build(world, await silo.Host.RunAsync(request, world, null, Ct)));
        var plain = ResultsJson.Serialize(ResultsBuilder.Build(world, PlainLoopEngine.Run(world, new RunOptions(1_000, 1), cancellation: Ct)));
        Assert.Equal(plain, onSilo);
        Assert.Single(await silo.ListAsync());
    }

    [Fact]
    public async Task RuntimeProviderThrottling_ThrottlesTheNamedProvidersRequests()
    {
        await using var silo = await FaultSilo.StartAsync("baseline", TimeScale, Rate);
        await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
        var before = await silo.MetricAsync("agentsim_provider_requests_total", "provider=omnicx", "result=throttled");
        var okBefore = await silo.MetricAsync("agentsim_provider_requests_total", "provider=omnicx", "result=ok");
        await silo.AddAsync("""{"kind":"provider_throttling","provider":"omnicx","rate":1,"duration":1.5}""");
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var during = await silo.MetricAsync("agentsim_provider_requests_total", "provider=omnicx", "result=throttled") - before;
        var ok = await silo.MetricAsync("agentsim_provider_requests_total", "provider=omnicx", "result=ok") - okBefore;
        var backup = await silo.MetricAsync("agentsim_provider_requests_total", "provider=backupcx", "result=ok");

        TestContext.Current.TestOutputHelper?.WriteLine($"omnicx throttled {during}, ok {ok} while throttled; backupcx ok {backup}");

        // baseline is far below omnicx's quota: the 429s are the fault's; backupcx, its failover, carries them.
        Assert.Equal(0, before);
        Assert.True(during >= 30, $"{during} throttled requests while every request to omnicx was to be throttled ({ok} ok in the same time)");
        Assert.True(backup >= during / 2, $"backupcx carried {backup} requests, omnicx throttled {during}");
    }
}
