using System.Diagnostics;
using AgentSim.Grains.Tests.Fixtures;

namespace AgentSim.Grains.Tests.Engine;

[Collection(ClusterCollection.Name)]
public sealed class PerfProbe(ClusterFixture cluster)
{
    [Fact]
    public async Task Probe()
    {
        var request = Runs.Request("baseline", seed: 7, conversations: 200_000, parallelism: 4);
        var sw = Stopwatch.StartNew();
        var plain = Runs.Plain(request, 4);
        var tPlain = sw.Elapsed;
        sw.Restart();
        var orleans = await OrleansEngine.RunAsync(cluster.Client, request, null, TestContext.Current.CancellationToken);
        var tOrleans = sw.Elapsed;
        Assert.Equal(plain.Tally.Values, orleans.Tally.Values);
        Assert.Fail($"plain {tPlain.TotalSeconds:F2}s orleans {tOrleans.TotalSeconds:F2}s epochs {orleans.Epochs}");
    }
}
