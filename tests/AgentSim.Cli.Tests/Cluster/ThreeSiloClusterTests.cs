using AgentSim.Cli.Tests.Process;
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

    [Fact]
    public async Task Compare_WithEveryRunOnTheCluster_WritesResultsByteIdenticalToTheSameCompareInProcess()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        string[] shared = ["compare", "baseline", "--placements", "platform", "--replications", "2", "--conversations", "1500"];
        await using var client = await AgentSimClusterClient.ConnectAsync(cluster.Redis.Address, cluster.ClusterId, cancellation: ct);
        var coordinatorsBefore = await CoordinatorActivationsAsync(client);

        var inProcess = await Cli.RunAsync([.. shared, "--out", directory.Combine("in-process")]);
        var onCluster = await AgentsimProcess.RunAsync(null, null, [.. shared, "--clustering", "redis", "--redis", cluster.Redis.Address, "--cluster-id", cluster.ClusterId, "--out", directory.Combine("on-cluster")]);

        Assert.True(inProcess.ExitCode == 0, inProcess.All);
        Assert.True(onCluster.ExitCode == 0, onCluster.All);
        Assert.Contains($"cluster: {cluster.ClusterId}", onCluster.Output, StringComparison.Ordinal);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(directory.Combine("in-process"), "results.json"), ct),
            await File.ReadAllBytesAsync(Path.Combine(directory.Combine("on-cluster"), "results.json"), ct));

        // The 2 variants × 2 replications each ran on the cluster: a run coordinator apiece was activated there.
        Assert.True(await CoordinatorActivationsAsync(client) >= coordinatorsBefore + 4, "the compare's runs did not reach the cluster");
    }

    [Fact]
    public async Task Gap_WithEveryEnterpriseOnTheCluster_WritesResultsByteIdenticalToTheSameGapInProcess()
    {
        // The enterprises are built in code: each travels to the silos as its configuration's JSON, not as scenario text.
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        string[] shared = ["gap", "--enterprises", "6", "--conversations", "600", "--replications", "2"];
        await using var client = await AgentSimClusterClient.ConnectAsync(cluster.Redis.Address, cluster.ClusterId, cancellation: ct);
        var coordinatorsBefore = await CoordinatorActivationsAsync(client);

        var inProcess = await Cli.RunAsync([.. shared, "--out", directory.Combine("in-process")]);
        var onCluster = await AgentsimProcess.RunAsync(null, null, [.. shared, "--clustering", "redis", "--redis", cluster.Redis.Address, "--cluster-id", cluster.ClusterId, "--out", directory.Combine("on-cluster")]);

        Assert.True(inProcess.ExitCode == 0, inProcess.All);
        Assert.True(onCluster.ExitCode == 0, onCluster.All);
        Assert.Contains($"cluster: {cluster.ClusterId}", onCluster.Output, StringComparison.Ordinal);
        foreach (var file in new[] { "results.json", "enterprises.csv" })
        {
            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Combine(directory.Combine("in-process"), file), ct),
                await File.ReadAllBytesAsync(Path.Combine(directory.Combine("on-cluster"), file), ct));
        }

        // 6 enterprises × 2 replications each ran on the cluster: a run coordinator apiece.
        Assert.True(await CoordinatorActivationsAsync(client) >= coordinatorsBefore + 12, "the gap's runs did not reach the cluster");
    }

    [Fact]
    public async Task Trace_RunAndReplayOnTheCluster_WritesTheTranscriptOfTheSameTraceInProcess()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        string[] shared = ["trace", "baseline", "--conversations", "800", "--find", "failover"];

        var inProcess = await Cli.RunAsync([.. shared, "--out", directory.Combine("in-process")]);
        var onCluster = await AgentsimProcess.RunAsync(null, null, [.. shared, "--clustering", "redis", "--redis", cluster.Redis.Address, "--cluster-id", cluster.ClusterId, "--out", directory.Combine("on-cluster")]);

        Assert.True(inProcess.ExitCode == 0, inProcess.All);
        Assert.True(onCluster.ExitCode == 0, onCluster.All);
        Assert.Contains($"cluster: {cluster.ClusterId}", onCluster.Output, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(directory.Combine("in-process"), "transcript-*.json"));
        Assert.Equal(
            await File.ReadAllBytesAsync(file, ct),
            await File.ReadAllBytesAsync(Path.Combine(directory.Combine("on-cluster"), Path.GetFileName(file)), ct));
    }

    private static async Task<int> CoordinatorActivationsAsync(AgentSimClusterClient client)
    {
#pragma warning disable xUnit1051 // The management grain's call takes no token; WaitAsync gives up with the test.
        var statistics = await client.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics().WaitAsync(TestContext.Current.CancellationToken);
#pragma warning restore xUnit1051
        return statistics.Where(s => s.GrainType.Contains("RunCoordinator", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
