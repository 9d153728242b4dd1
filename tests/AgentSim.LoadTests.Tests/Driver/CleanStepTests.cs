using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Targets;

namespace AgentSim.LoadTests.Tests.Driver;

/// <summary>
/// A scenario's clean step against a real silo of its own (not a shared fixture's: in-process silos in one process share
/// the AgentSim meters, and disposing one while another serves would disturb the other's counters).
/// </summary>
public sealed class CleanStepTests
{
    [Fact]
    public async Task CleanWaitIdle_FromAConfig_EndsOnlyOnceTheSilosConversationsHaveEnded()
    {
        // A silo of its own at time scale 2,000, so that even the longest conversations (asynchronous channels think
        // for hours of simulated time) end within seconds; just after the load some are still in flight, and the clean
        // step waits them out (measured here: 40 conversations at 1,000x drained in 15-30 s of wall time).
        await using var fast = await InProcessTarget.StartAsync("baseline", 2000, TestContext.Current.CancellationToken);
        var path = Path.Combine(Path.GetTempPath(), $"agentsim-clean-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            { "scenarios": [ { "name": "c", "load_simulations": [ { "inject": { "rate": 20, "during": "1s" } } ], "clean": { "wait_idle": "60s" } } ] }
            """, TestContext.Current.CancellationToken);
        try
        {
            var options = LoadOptionsParser.Parse(["--config", path], out var problems, out _);
            Assert.Empty(problems);
            var plan = options!.Plan([])!;
            var withoutClean = plan with { Scenarios = [plan.Scenarios[0] with { Clean = null }] };

            await new LoadDriver(fast, options.Settings(withoutClean)).RunAsync(TestContext.Current.CancellationToken);
            var inFlightWithout = await fast.InFlightAsync(TestContext.Current.CancellationToken);
            await new LoadDriver(fast, options.Settings(plan)).RunAsync(TestContext.Current.CancellationToken);
            var inFlightAfterClean = await fast.InFlightAsync(TestContext.Current.CancellationToken);

            Assert.True(inFlightWithout > 0, $"in flight right after the load: {inFlightWithout}");
            Assert.Equal(0, inFlightAfterClean);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
