using System.Diagnostics;
using AgentSim.Grains.Live;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Grains.Tests.Live;

/// <summary>The real-time clock's live capacities: the capacity preset's omnicx quota (30/s) and support agent's concurrency limit.</summary>
public sealed class LiveCapacityTests
{
    private static readonly World Capacity = CompiledScenario.Compile(ScenarioSource.Resolve("capacity"), null).World;

    [Fact]
    public void AgentSlots_AreAFirstComeFirstServedMultiServerQueue_AsAHandCalculationSays()
    {
        using var live = new LiveCapacity(Capacity, timeScale: 1);
        var agent = Array.FindIndex(Capacity.Agents, a => a.Config.Concurrency is not null);
        var c = Capacity.Agents[agent].Config.Concurrency!.Value;
        const long Answer = 10_000_000;

        // c requests at 0 take the c slots at once; the next waits for the first to free (10 s); one at 5 s for the next (5 s more);
        // one at 30 s finds slots free again.
        var waits = Enumerable.Range(0, c).Select(_ => live.AgentWaitMicros(agent, 0, Answer)).ToList();
        Assert.All(waits, w => Assert.Equal(0, w));
        Assert.Equal(10_000_000, live.AgentWaitMicros(agent, 0, Answer));
        Assert.Equal(5_000_000, live.AgentWaitMicros(agent, 5_000_000, Answer));
        Assert.Equal(0, live.AgentWaitMicros(agent, 30_000_000, Answer));
    }

    [Fact]
    public void AnAgentWithoutAConcurrencyLimit_NeverWaits()
    {
        // The baseline's agents have no concurrency limit.
        var baseline = CompiledScenario.Compile(ScenarioSource.Resolve("baseline"), null).World;
        using var live = new LiveCapacity(baseline, timeScale: 1);
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Equal(0, live.AgentWaitMicros(0, 0, 60_000_000)));
    }

    [Fact]
    public async Task AProviderQuota_AdmitsItsRateScaledByTheTimeScale_AndThrottlesTheRest()
    {
        // omnicx: 30 requests per simulated second; at time scale 10 that is 300 a wall second, plus a burst of 30.
        using var live = new LiveCapacity(Capacity, timeScale: 10);
        var omnicx = Array.FindIndex(Capacity.Providers, p => p.Name == "omnicx");
        var backup = Array.FindIndex(Capacity.Providers, p => p.Name == "backupcx");
        int admitted = 0, offered = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            for (var i = 0; i < 20; i++, offered++)
            {
                admitted += live.TryAcquireProvider(omnicx) ? 1 : 0;
            }

            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        var expected = 30 + (300 * clock.Elapsed.TotalSeconds);
        // The bucket refills on a timer: on a busy machine the timer runs late and admits less, never more, so the
        // upper bound is the one that proves the quota; the lower one only that the quota admits at a rate of its order.
        Assert.InRange(admitted, expected * 0.5, expected * 1.15);
        Assert.True(offered > 2 * admitted, $"{offered} offered, {admitted} admitted");
        Assert.True(live.TryAcquireProvider(backup), "a provider without a quota is never throttled");
    }
}
