using System.Globalization;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>
/// A three-silo cluster losing silos: a <c>kill -9</c>ed silo is declared dead by the others within a generous bound and
/// the two survivors keep serving runs with the one-process results; a frozen (SIGSTOPped) one is declared dead too. The
/// measured times are written to the test output (the README quotes them).
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class SiloLossTests(ITestOutputHelper output)
{
    /// <summary>Generous: with the tuned probes a killed silo was declared dead in about 2 s here.</summary>
    private static readonly TimeSpan KilledBound = TimeSpan.FromSeconds(30);

    /// <summary>Generous: with the tuned probes a frozen silo was declared dead in under 16 s here.</summary>
    private static readonly TimeSpan FrozenBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KillNineOneOfThreeSilos_SurvivorsDeclareItDeadWithinBound_AndARunOnTheTwoSurvivorsStillMatchesTheOneProcessRun_ThenAFrozenSiloIsDeclaredDeadToo()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = new ThreeSiloCluster();
        await cluster.InitializeAsync();
        using var directory = new TempDirectory();
        var oneProcess = await ClusterRuns.OneProcessAsync(directory);
        var killed = cluster.Silos[0];

        await killed.KillAsync();
        var dead = await cluster.Membership.TimeUntilDeadAsync(killed.SiloPort, KilledBound, ct);

        Assert.True(dead is not null, $"the silo killed with kill -9 was not declared dead within {KilledBound}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kill -9: declared dead after {dead!.Value.TotalSeconds:F2} s"));
        var rows = await cluster.Membership.ReadAsync();
        Assert.Equal(2, rows.Count(r => r.Status == MembershipRow.Active));

        var onSurvivors = await ClusterRuns.OnClusterAsync(directory, "survivors", cluster.Redis.Address, cluster.ClusterId);
        Assert.Equal(oneProcess, onSurvivors);

        var frozen = cluster.Silos[1];
        await frozen.SignalAsync("STOP");
        var frozenDead = await cluster.Membership.TimeUntilDeadAsync(frozen.SiloPort, FrozenBound, ct);
        await frozen.SignalAsync("CONT");

        Assert.True(frozenDead is not null, $"the frozen (SIGSTOP) silo was not declared dead within {FrozenBound}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SIGSTOP: declared dead after {frozenDead!.Value.TotalSeconds:F2} s"));
        Assert.Equal(MembershipRow.Active, await cluster.Membership.StatusAsync(cluster.Silos[2].SiloPort));
    }
}
