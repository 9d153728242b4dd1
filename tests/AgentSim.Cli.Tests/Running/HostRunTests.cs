using AgentSim.Grains.Worlds;
using AgentSim.Host.Hosting;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Cli.Tests.Running;

public sealed class HostRunTests
{
    [Fact]
    public async Task RunAsync_OnTheHostsOwnSilo_GrainsUseTheCompiledWorldAndCompileNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var scenario = CompiledScenario.Load("baseline", seed: 3);
        var request = scenario.ToRunRequest($"host-{Guid.NewGuid():N}", 300, 2);
        await using var host = await AgentSimHost.StartAsync(new AgentSimHostOptions(), ct);

        var outcome = await host.RunAsync(request, scenario.World, null, ct);

        Assert.Equal(0, host.Worlds.Compilations);
        Assert.Same(scenario.World, host.Worlds.Get(request));
        Assert.Equal(PlainLoopEngine.Run(scenario.World, new RunOptions(300, 1), cancellation: ct).Tally.Values, outcome.Tally.Values);
    }
}
