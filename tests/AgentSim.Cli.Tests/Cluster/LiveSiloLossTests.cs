using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>
/// Real-time conversations through a silo crash: three silo processes on Redis take real-time load through their HTTP
/// ingress while one is lost (<c>kill -9</c>, SIGTERM, SIGSTOP then SIGCONT; and a restarted silo joins). Every
/// accepted conversation must be accounted for: the ledger's started equals the sum of its outcomes once nothing is in
/// flight, every accepted id answers with exactly one outcome on a survivor, the survivors take the lost silo's
/// conversations over within a bound (measured and written to the output), and the takeover's resumed and failed counts
/// are in the ledger and in the survivors' metrics.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class LiveSiloLossTests(ITestOutputHelper output)
{
    /// <summary>Load before the loss: a few conversations of every silo are in flight when it goes.</summary>
    private static readonly TimeSpan LoadBefore = TimeSpan.FromSeconds(4);

    /// <summary>Load after the loss, on the survivors.</summary>
    private static readonly TimeSpan LoadAfter = TimeSpan.FromSeconds(3);

    /// <summary>Generous: a killed silo was taken over about 2 – 4 s after the kill here (declared dead, then seen).</summary>
    private static readonly TimeSpan KilledBound = TimeSpan.FromSeconds(30);

    /// <summary>Generous: a frozen silo is declared dead after about 8 s here.</summary>
    private static readonly TimeSpan FrozenBound = TimeSpan.FromSeconds(45);

    /// <summary>Until nothing is in flight: at time scale 50 a baseline conversation lasts a few wall seconds.</summary>
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(40);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillNineUnderIngressLoad_SurvivorsTakeOverWithinBound_EveryAcceptedConversationEndsOnce_AndMetricsCountResumedAndFailed()
    {
        await using var cluster = await LiveSiloCluster.StartAsync();
        var lost = cluster.Silos[0];
        var survivors = cluster.Silos.Skip(1).ToArray();
        await using var load = new IngressLoad(cluster.Silos.Select(s => s.BaseUri));
        await Task.Delay(LoadBefore, Ct);

        await lost.KillAsync();
        var clock = Stopwatch.StartNew();
        load.Drop(lost.BaseUri);
        var dead = cluster.Membership.TimeUntilDeadAsync(lost.SiloPort, KilledBound, Ct);
        var takeover = await WaitForTakeoverAsync(survivors[0].BaseUri, lost.SiloPort, "takeover", KilledBound, clock);
        var takeoverSeconds = clock.Elapsed.TotalSeconds;
        var deadSeconds = (await dead)?.TotalSeconds;
        await Task.Delay(LoadAfter, Ct);
        await load.StopAsync();

        var totals = await AssertAccountedForAsync(survivors[0].BaseUri, load);
        Assert.True(takeover.Resumed > 0, $"the killed silo had conversations in flight, yet none was resumed: {takeover}");
        Assert.True(takeover.Requeued <= takeover.Resumed, $"more re-queued than resumed: {takeover}");
        Assert.True(takeover.Requeued > 0, $"customers wait in the human queue, yet none of the killed silo's was re-queued: {takeover}");
        await AssertSomeOfTheLostSilosConversationsResumedAsync(survivors[0].BaseUri, load, lost.BaseUri);
        await AssertMetricsMatchAsync(survivors, totals);
        var (checkpoints, checkpointSeconds) = await CheckpointCostAsync(survivors);
        Assert.True(checkpoints > 0, "the survivors wrote no checkpoint");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"checkpoints on the survivors: {checkpoints:F0}, mean {checkpointSeconds / checkpoints * 1000:F2} ms each (serializing and the Redis script)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill -9: declared dead {deadSeconds:F2} s and taken over {takeoverSeconds:F2} s after the kill: resumed {takeover.Resumed} (re-queued {takeover.Requeued}), failed {takeover.Failed} {Reasons(takeover)}; accepted {load.Accepted.Count}; {totals}"));
    }

    [Fact]
    public async Task SigtermUnderIngressLoad_SurvivorsResumeTheStoppedSilosConversations_ThenARestartedSiloServes_AndTheTotalsStillBalance()
    {
        await using var cluster = await LiveSiloCluster.StartAsync();
        var stopped = cluster.Silos[0];
        var survivors = cluster.Silos.Skip(1).ToArray();
        await using var load = new IngressLoad(cluster.Silos.Select(s => s.BaseUri));
        await Task.Delay(LoadBefore, Ct);

        await stopped.SignalAsync("TERM");
        var clock = Stopwatch.StartNew();
        var takeover = await WaitForTakeoverAsync(survivors[0].BaseUri, stopped.SiloPort, "takeover", KilledBound, clock);
        var takeoverSeconds = clock.Elapsed.TotalSeconds;
        load.Drop(stopped.BaseUri);
        Assert.True(stopped.HasExited || await ExitsWithinAsync(stopped, TimeSpan.FromSeconds(20)), "the silo sent SIGTERM did not exit");
        Assert.True(takeover.Resumed > 0, $"the stopped silo had conversations in flight, yet none was resumed: {takeover}");
        Assert.True(takeover.Requeued > 0, $"customers wait in the human queue, yet none of the stopped silo's was re-queued: {takeover}");

        var restarted = await cluster.AddSiloAsync();
        load.Add(restarted.BaseUri);
        await Task.Delay(LoadAfter, Ct);
        await load.StopAsync();

        var totals = await AssertAccountedForAsync(survivors[0].BaseUri, load);
        Assert.Contains(load.Accepted, a => a.Silo == restarted.BaseUri);
        await AssertMetricsMatchAsync([.. survivors, restarted], totals);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SIGTERM: taken over {takeoverSeconds:F2} s after the signal: resumed {takeover.Resumed} (re-queued {takeover.Requeued}), failed {takeover.Failed} {Reasons(takeover)}; restarted silo accepted {load.Accepted.Count(a => a.Silo == restarted.BaseUri)}; accepted {load.Accepted.Count}; {totals}"));
    }

    [Fact]
    public async Task SigstopUnderIngressLoad_SurvivorsTakeOverOnceItIsDeclaredDead_AndAfterSigcontItsLateWritesAreIgnored()
    {
        await using var cluster = await LiveSiloCluster.StartAsync();
        var frozen = cluster.Silos[0];
        var survivors = cluster.Silos.Skip(1).ToArray();
        await using var load = new IngressLoad(cluster.Silos.Select(s => s.BaseUri));
        await Task.Delay(LoadBefore, Ct);

        await frozen.SignalAsync("STOP");
        var clock = Stopwatch.StartNew();
        load.Drop(frozen.BaseUri);
        var takeover = await WaitForTakeoverAsync(survivors[0].BaseUri, frozen.SiloPort, "takeover", FrozenBound, clock);
        var takeoverSeconds = clock.Elapsed.TotalSeconds;
        await frozen.SignalAsync("CONT");
        await load.StopAsync();

        // Woken, it finds itself declared dead and stops; whatever it wrote meanwhile the ledger ignored (stale).
        Assert.True(await ExitsWithinAsync(frozen, TimeSpan.FromSeconds(30)), "the silo woken after being declared dead did not stop");
        var totals = await AssertAccountedForAsync(survivors[0].BaseUri, load);
        Assert.True(takeover.Resumed > 0, $"the frozen silo had conversations in flight, yet none was resumed: {takeover}");
        Assert.True(takeover.Requeued > 0, $"customers wait in the human queue, yet none of the frozen silo's was re-queued: {takeover}");
        await AssertMetricsMatchAsync(survivors, totals);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SIGSTOP: taken over {takeoverSeconds:F2} s after the freeze: resumed {takeover.Resumed} (re-queued {takeover.Requeued}), failed {takeover.Failed} {Reasons(takeover)}; late writes ignored after SIGCONT: {totals.Stale}; accepted {load.Accepted.Count}; {totals}"));
    }

    private static string Reasons(TakeoverEntry takeover) =>
        takeover.FailedBecause.Count == 0 ? "" : "(" + string.Join(", ", takeover.FailedBecause.Select(r => $"{r.Key}: {r.Value}")) + ")";

    private static async Task<bool> ExitsWithinAsync(ClusterSiloProcess silo, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (!silo.HasExited && watch.Elapsed < limit)
        {
            await Task.Delay(100, Ct);
        }

        return silo.HasExited;
    }

    // Polls a survivor's ledger until it records the takeover of the silo on lostPort; fails past the bound.
    private async Task<TakeoverEntry> WaitForTakeoverAsync(Uri survivor, int lostPort, string kind, TimeSpan bound, Stopwatch since)
    {
        while (since.Elapsed < bound)
        {
            if (await LedgerSnapshot.ReadAsync(_http, survivor, Ct) is { } snapshot
                && snapshot.Recent.FirstOrDefault(t => t.SiloPort == lostPort && t.Kind == kind) is { } takeover)
            {
                return takeover;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"no survivor took over the conversations of the silo on port {lostPort} within {bound}");
        return null!;
    }

    // Conservation: once nothing is in flight, started = sum of outcomes, every accepted id is distinct and answers (on a
    // survivor, through the ledger) with its one outcome.
    private async Task<LedgerSnapshot> AssertAccountedForAsync(Uri survivor, IngressLoad load)
    {
        var accepted = load.Accepted;
        Assert.True(accepted.Count > 50, $"the load had too few conversations accepted to mean anything: {accepted.Count}");
        Assert.Equal(accepted.Count, accepted.Select(a => a.Id).Distinct().Count());
        var watch = Stopwatch.StartNew();
        LedgerSnapshot? totals = null;
        while (watch.Elapsed < DrainBound)
        {
            totals = await LedgerSnapshot.ReadAsync(_http, survivor, Ct);
            if (totals is { InFlight: 0 })
            {
                break;
            }

            await Task.Delay(250, Ct);
        }

        Assert.True(totals is { InFlight: 0 }, $"conversations still in flight {DrainBound} after the load: {totals}");
        Assert.Equal(totals!.Started, totals.Ended);
        Assert.True(totals.Started >= accepted.Count, $"the ledger counts fewer starts ({totals.Started}) than the ingress accepted ({accepted.Count})");

        var outcomes = new HashSet<string>(totals.Outcomes.Keys);
        await Parallel.ForEachAsync(accepted, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (a, ct) =>
        {
            using var response = await _http.GetAsync(new Uri(survivor, string.Create(CultureInfo.InvariantCulture, $"api/conversations/{a.Id}")), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"conversation {a.Id}: {(int)response.StatusCode} {body}");
            var root = JsonDocument.Parse(body).RootElement;
            Assert.Equal("ended", root.GetProperty("status").GetString());
            Assert.Contains(root.GetProperty("outcome").GetString()!, outcomes);
        });
        return totals;
    }

    // At least one conversation the lost silo accepted ended on a survivor after being resumed there.
    private async Task AssertSomeOfTheLostSilosConversationsResumedAsync(Uri survivor, IngressLoad load, Uri lost)
    {
        var resumed = 0;
        foreach (var (id, _) in load.Accepted.Where(a => a.Silo == lost))
        {
            var root = JsonDocument.Parse(await _http.GetStringAsync(new Uri(survivor, string.Create(CultureInfo.InvariantCulture, $"api/conversations/{id}")), Ct)).RootElement;
            if (root.TryGetProperty("resumed", out var r) && r.GetBoolean())
            {
                resumed++;
            }
        }

        Assert.True(resumed > 0, "no conversation accepted by the lost silo says it was resumed on a survivor");
    }

    // The survivors' agentsim_conversations_recovered_total{result} add up to the ledger's takeover counts.
    private async Task AssertMetricsMatchAsync(IReadOnlyList<ClusterSiloProcess> silos, LedgerSnapshot totals)
    {
        var resumed = 0.0;
        var failed = 0.0;
        foreach (var silo in silos)
        {
            var text = await _http.GetStringAsync(new Uri(silo.BaseUri, "metrics"), Ct);
            resumed += Sample(text, "agentsim_conversations_recovered_total", "result=\"resumed\"");
            failed += Sample(text, "agentsim_conversations_recovered_total", "result=\"failed\"");
        }

        Assert.Equal(totals.Resumed, (long)resumed);
        Assert.Equal(totals.Failed, (long)failed);
    }

    // Checkpoints written and their total wall seconds (agentsim_conversation_checkpoint_seconds), over the silos.
    private async Task<(double Count, double Seconds)> CheckpointCostAsync(IReadOnlyList<ClusterSiloProcess> silos)
    {
        double count = 0, seconds = 0;
        foreach (var silo in silos)
        {
            var text = await _http.GetStringAsync(new Uri(silo.BaseUri, "metrics"), Ct);
            count += Sample(text, "agentsim_conversation_checkpoint_seconds_count", "");
            seconds += Sample(text, "agentsim_conversation_checkpoint_seconds_sum", "");
        }

        return (count, seconds);
    }

    private static double Sample(string metrics, string name, string label) =>
        metrics.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
