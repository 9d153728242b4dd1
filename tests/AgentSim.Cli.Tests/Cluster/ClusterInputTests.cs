using AgentSim.Cli.Tests.Process;
using AgentSim.Host.Hosting;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>Wrong or missing clustering settings on <c>agentsim silo</c>, <c>agentsim run</c>, <c>agentsim compare</c>, <c>agentsim trace</c> and <c>agentsim gap</c>: exit 2, one line naming the flag (or key) and what is wrong, nothing started.</summary>
public sealed class ClusterInputTests
{
    private static string UnusedAddress => $"127.0.0.1:{FreePorts.Take(1)[0]}";

    [Theory]
    [InlineData("silo", "--urls", "http://127.0.0.1:0")]
    [InlineData("run", "baseline", "--conversations", "10")]
    [InlineData("compare", "baseline", "--placements", "platform", "--replications", "2", "--conversations", "10")]
    [InlineData("trace", "baseline", "--conversations", "10")]
    [InlineData("gap", "--enterprises", "4", "--conversations", "100", "--replications", "1")]
    public async Task RedisWithoutClusteringRedis_ExitsTwoNamingRedis(params string[] command)
    {
        var result = await Cli.RunAsync([.. command, "--redis", "127.0.0.1:6379"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --redis: needs --clustering redis (the clustering is localhost, which uses no Redis)", result.Error.Trim());
    }

    [Theory]
    [InlineData("silo", "--urls", "http://127.0.0.1:0")]
    [InlineData("run", "baseline", "--conversations", "10")]
    [InlineData("compare", "baseline", "--placements", "platform", "--replications", "2", "--conversations", "10")]
    [InlineData("trace", "baseline", "--conversations", "10")]
    [InlineData("gap", "--enterprises", "4", "--conversations", "100", "--replications", "1")]
    public async Task ClusteringRedisAlone_ExitsTwoAskingForRedisAndClusterId(params string[] command)
    {
        var result = await Cli.RunAsync([.. command, "--clustering", "redis"]);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("error: --clustering: redis needs the Redis server: give --redis HOST:PORT", lines[0].Trim());
        Assert.StartsWith("error: --clustering: redis needs the cluster's id: give --cluster-id ID", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost", "'localhost' is not HOST:PORT (e.g. 127.0.0.1:6379)")]
    [InlineData("127.0.0.1:0", "'127.0.0.1:0': the port '0' is not a whole number from 1 to 65535")]
    [InlineData("127.0.0.1:port", "'127.0.0.1:port': the port 'port' is not a whole number from 1 to 65535")]
    public async Task Silo_RedisNotHostPort_ExitsTwoSayingWhatIsWrong(string redis, string expected)
    {
        var result = await Cli.RunAsync("silo", "--urls", "http://127.0.0.1:0", "--clustering", "redis", "--cluster-id", "c", "--redis", redis);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --redis: {expected}", result.Error.Trim());
    }

    [Fact]
    public async Task Silo_UnknownClustering_ExitsTwoListingTheClusterings()
    {
        var result = await Cli.RunAsync("silo", "--urls", "http://127.0.0.1:0", "--clustering", "consul");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --clustering: 'consul' is not a clustering; use localhost (one process, the default) or redis", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownClustering_ExitsTwo()
    {
        var result = await Cli.RunAsync("run", "baseline", "--clustering", "consul");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("consul", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ClusteringRedisWithLoopEngineOrMetricsPort_ExitsTwoNamingEach()
    {
        var result = await Cli.RunAsync("run", "baseline", "--clustering", "redis", "--redis", "127.0.0.1:6379", "--cluster-id", "c", "--engine", "loop", "--metrics-port", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --engine loop: runs in this process; --clustering redis needs the orleans engine", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: --metrics-port: with --clustering redis the run's metrics are on the cluster's silos", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_AdvertisedAddressWithLocalhostClustering_ExitsTwo()
    {
        var result = await Cli.RunAsync("silo", "--urls", "http://127.0.0.1:0", "--advertised-address", "10.0.0.5");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --advertised-address: needs --clustering redis (a localhost silo is reached on 127.0.0.1 only)", result.Error.Trim());
    }

    [Fact]
    public async Task Silo_AdvertisedAddressThatDoesNotResolve_ExitsTwoNamingIt()
    {
        var result = await Cli.RunAsync("silo", "--urls", "http://127.0.0.1:0", "--clustering", "redis", "--redis", UnusedAddress, "--cluster-id", "c", "--advertised-address", "no-such-silo.invalid");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --advertised-address: 'no-such-silo.invalid' is not an IP address and its name does not resolve here", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("silo", "--urls", "http://127.0.0.1:0")]
    [InlineData("run", "baseline", "--conversations", "10")]
    [InlineData("compare", "baseline", "--placements", "platform", "--replications", "2", "--conversations", "10")]
    [InlineData("trace", "baseline", "--conversations", "10")]
    [InlineData("gap", "--enterprises", "4", "--conversations", "100", "--replications", "1")]
    public async Task UnreachableRedis_ExitsTwoNamingTheAddress_NoStackTrace(params string[] command)
    {
        var address = UnusedAddress;

        var result = await Cli.RunAsync([.. command, "--clustering", "redis", "--redis", address, "--cluster-id", $"unreachable-{Guid.NewGuid():N}"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --redis: no Redis server answers at {address} (", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_RedisFromEnvironmentWithoutClustering_ExitsTwoNamingTheVariable()
    {
        var result = await AgentsimProcess.RunAsync(null, new Dictionary<string, string> { ["AGENTSIM_SILO__REDIS"] = "127.0.0.1:6379" }, "silo", "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: Silo:Redis (environment variable AGENTSIM_SILO__REDIS): needs --clustering redis (the clustering is localhost, which uses no Redis)", result.Error.Trim());
    }

    [Fact]
    public async Task Run_ClusteringRedisFromEnvironmentWithoutRedis_ExitsTwoNamingTheVariable()
    {
        var result = await AgentsimProcess.RunAsync(null, new Dictionary<string, string> { ["AGENTSIM_RUN__CLUSTERING"] = "redis", ["AGENTSIM_RUN__CLUSTERID"] = "c" }, "run", "baseline", "--conversations", "10");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: Run:Clustering (environment variable AGENTSIM_RUN__CLUSTERING): redis needs the Redis server: give --redis HOST:PORT", result.Error.Trim());
    }

    [Theory]
    [InlineData("run", "baseline", "--conversations", "10")]
    [InlineData("compare", "baseline", "--placements", "platform", "--replications", "2", "--conversations", "10")]
    [InlineData("trace", "baseline", "--conversations", "10")]
    [InlineData("gap", "--enterprises", "4", "--conversations", "100", "--replications", "1")]
    public async Task OnAClusterWithNoSilos_ExitsTwoNamingTheClusterId(params string[] command)
    {
        await using var redis = await RedisServerProcess.StartAsync(TestContext.Current.CancellationToken);
        var clusterId = $"empty-{Guid.NewGuid():N}";

        var result = await Cli.RunAsync([.. command, "--clustering", "redis", "--redis", redis.Address, "--cluster-id", clusterId]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --cluster-id {clusterId}: no silo of this cluster could be reached through Redis at {redis.Address}", result.Error, StringComparison.Ordinal);
    }
}
