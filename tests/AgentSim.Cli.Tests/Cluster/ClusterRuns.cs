using AgentSim.Cli.Tests.Process;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>The runs the cluster tests compare: the same scenario, seed, conversations and parallelism, in one process or on a cluster.</summary>
public static class ClusterRuns
{
    /// <summary>The arguments after <c>run</c> every compared run shares.</summary>
    public static readonly string[] Shared = ["baseline", "--seed", "11", "--conversations", "3000", "--parallelism", "12"];

    /// <summary>The one-process run (in this process, an in-process silo); returns the bytes of its results.json.</summary>
    public static async Task<byte[]> OneProcessAsync(TempDirectory directory)
    {
        var output = directory.Combine("one-process");
        var result = await Cli.RunAsync(["run", .. Shared, "--out", output]);
        Assert.True(result.ExitCode == 0, result.All);
        return await File.ReadAllBytesAsync(Path.Combine(output, "results.json"), TestContext.Current.CancellationToken);
    }

    /// <summary>The run as a separate <c>agentsim run --clustering redis</c> process, an Orleans client of the cluster; returns the bytes of its results.json.</summary>
    public static async Task<byte[]> OnClusterAsync(TempDirectory directory, string name, string redis, string clusterId)
    {
        var output = directory.Combine(name);
        var result = await AgentsimProcess.RunAsync(null, null, ["run", .. Shared, "--clustering", "redis", "--redis", redis, "--cluster-id", clusterId, "--out", output]);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"cluster: {clusterId}", result.Output, StringComparison.Ordinal);
        return await File.ReadAllBytesAsync(Path.Combine(output, "results.json"), TestContext.Current.CancellationToken);
    }
}
