using AgentSim.Host.Hosting;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>Three <c>agentsim silo --clustering redis</c> processes and a local redis-server: one cluster, serving runs with the one-process results.</summary>
[Collection(nameof(ClusterCollection))]
public sealed class ThreeSiloClusterTests(ThreeSiloCluster cluster) : IClassFixture<ThreeSiloCluster>
{
    [Fact]
    public async Task ThreeSiloProcesses_WithRedisClustering_FormOneClusterWithAllThreeActive()
    {
        var rows = await cluster.Membership.ReadAsync();

        Assert.Equal(
            cluster.Silos.Select(s => s.SiloPort).Order(),
            rows.Where(r => r.Status == MembershipRow.Active).Select(r => r.SiloPort).Order());
        Assert.All(cluster.Silos, silo => Assert.Contains($"cluster   membership and grain state in Redis at {cluster.Redis.Address}", silo.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task VirtualTimeRun_AsAClientOfTheThreeSiloCluster_WritesResultsByteIdenticalToTheOneProcessRun_WithShardsOnSeveralSilos()
    {
        using var directory = new TempDirectory();

        var onCluster = await ClusterRuns.OnClusterAsync(directory, "cluster", cluster.Redis.Address, cluster.ClusterId);
        var oneProcess = await ClusterRuns.OneProcessAsync(directory);

        Assert.Equal(oneProcess, onCluster);

        // The run really was spread: its shard grains were activated on more than one silo.
        await using var client = await AgentSimClusterClient.ConnectAsync(cluster.Redis.Address, cluster.ClusterId, cancellation: TestContext.Current.CancellationToken);
#pragma warning disable xUnit1051 // The management grain's call takes no token; WaitAsync gives up with the test.
        var statistics = await client.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics().WaitAsync(TestContext.Current.CancellationToken);
#pragma warning restore xUnit1051
        var shardSilos = statistics.Where(s => s.GrainType.Contains("ConversationShard", StringComparison.Ordinal) && s.ActivationCount > 0).Select(s => s.SiloAddress).Distinct().ToList();
        Assert.True(shardSilos.Count >= 2, $"shard activations on {shardSilos.Count} silo(s): {string.Join(", ", statistics.Select(s => $"{s.GrainType}@{s.SiloAddress}={s.ActivationCount}"))}");
    }
}
