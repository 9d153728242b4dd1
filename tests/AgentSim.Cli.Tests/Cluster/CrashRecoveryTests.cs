using System.Globalization;
using AgentSim.Cli.Tests.Process;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>
/// A virtual-time run on three silo processes loses one to <c>kill -9</c> part-way through: the run's grains on the
/// killed silo re-activate on the survivors and catch up from the run's per-epoch checkpoints in Redis, the client
/// retries the interrupted epoch, and <c>results.json</c> is byte for byte the one-process run's.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    /// <summary>Long enough on the cluster (tens of epochs) to be killed part-way through; a few seconds in one process.</summary>
    private static readonly string[] Run = ["baseline", "--seed", "23", "--conversations", "40000", "--parallelism", "12"];

    /// <summary>Epochs checkpointed before the kill: the run is well under way, far from its end.</summary>
    private const long KillAfterEpochs = 30;

    [Fact]
    public async Task KillNineOfOneSiloMidRun_TheRunRecoversFromItsCheckpoints_AndResultsJsonEqualsTheOneProcessRunByteForByte()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        var oneProcessDir = directory.Combine("one-process");
        var oneProcess = await Cli.RunAsync(["run", .. Run, "--out", oneProcessDir]);
        Assert.True(oneProcess.ExitCode == 0, oneProcess.All);

        await using var cluster = new ThreeSiloCluster();
        await cluster.InitializeAsync();
        var clusterDir = directory.Combine("cluster");
        var run = AgentsimProcess.RunAsync(null, null, ["run", .. Run, "--clustering", "redis", "--redis", cluster.Redis.Address, "--cluster-id", cluster.ClusterId, "--out", clusterDir]);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        long epochs;
        while ((epochs = await cluster.Membership.CheckpointedEpochsAsync()) < KillAfterEpochs && !run.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(45))
        {
            await Task.Delay(20, ct);
        }

        if (run.IsCompleted)
        {
            Assert.Fail($"the run ended before {KillAfterEpochs} epochs were checkpointed: {(await run).All}");
        }

        Assert.True(epochs >= KillAfterEpochs, $"only {epochs} epochs checkpointed after {watch.Elapsed}");
        var killed = cluster.Silos[1];
        await killed.KillAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"killed silo {killed.SiloPort} after {epochs} checkpointed epochs ({watch.Elapsed.TotalSeconds:F1} s into the run)"));

        var result = await run;
        output.WriteLine(result.Error);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.True(await cluster.Membership.StatusAsync(killed.SiloPort) == MembershipRow.Dead, "the killed silo was not declared dead");

        // The loss was met, and recovered from: the client retried, and the survivors rebuilt grains from the checkpoints.
        var survivors = cluster.Silos[0].Output + cluster.Silos[2].Output;
        foreach (var line in survivors.Split('\n').Where(l => l.Contains("checkpoints", StringComparison.Ordinal)))
        {
            output.WriteLine(line.Trim());
        }

        Assert.Contains("a silo was lost, retrying", result.Error, StringComparison.Ordinal);
        Assert.Contains("from the run's checkpoints", survivors, StringComparison.Ordinal);

        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(oneProcessDir, "results.json"), ct),
            await File.ReadAllBytesAsync(Path.Combine(clusterDir, "results.json"), ct));
    }
}
