using System.Collections.Concurrent;
using AgentSim.Abstractions.Grains;
using AgentSim.Grains.Live;
using AgentSim.Model.Events;
using Microsoft.Extensions.Logging;

namespace AgentSim.Grains.Cluster;

/// <summary>
/// Nothing a lost silo was doing disappears. Every surviving silo watches the cluster's membership; when a silo is
/// declared dead (killed, frozen past its probes, or stopped), one survivor — whoever takes the ledger's lease on it —
/// takes every conversation the ledger says it still owned: each is resumed on the survivor from its last checkpoint
/// with its context (one that waited in a human queue joins the survivor's same queue), or, when that cannot be done
/// (no checkpoint yet, another scenario, no room under the admission limit, the resume call failing), ended with the
/// explicit outcome <c>failed</c>. The ledger moves each conversation's ownership atomically before it is resumed, so a
/// dead silo that wakes (SIGCONT) can no longer record anything for it. A stopping silo (SIGTERM) stops admitting and,
/// when no other silo is active to take its conversations over, ends them failed itself before it exits.
/// </summary>
public sealed partial class ConversationTakeover(
    LiveSilo live,
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<ConversationTakeover> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How often the membership is looked at for silos declared dead.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a survivor holds a lost silo's takeover before another may finish it (if the taker is lost too).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    /// <summary>How long a silo without a scenario leaves a lost silo's conversations to one that can resume them.</summary>
    public static readonly TimeSpan WithoutScenarioDelay = TimeSpan.FromSeconds(10);

    /// <summary>How often the silo makes sure its real-time clock is running.</summary>
    public static readonly TimeSpan ClockCheckEvery = TimeSpan.FromSeconds(1);

    /// <summary>Conversations resumed at once during a takeover.</summary>
    public const int Parallelism = 16;

    /// <summary>Attempts of a resume call (a call into a cluster that has just lost a silo may fail while directories settle).</summary>
    public const int ResumeAttempts = 3;

    private readonly CancellationTokenSource _stopping = new();
    private Task _watch = Task.CompletedTask;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(ConversationTakeover), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);
    }

    private Task OnStartAsync(CancellationToken cancellation)
    {
        if (live.Ledger is { Shared: true })
        {
            _watch = Task.Run(() => WatchAsync(_stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task OnStopAsync(CancellationToken cancellation)
    {
        live.Stop();
        await _stopping.CancelAsync();
        await _watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await EndOwnIfLastAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogShutdownFailed(ex);
        }
    }

    private async Task WatchAsync(CancellationToken cancellation)
    {
        var seen = new Dictionary<SiloAddress, long>();
        var done = new HashSet<SiloAddress>();
        var clockChecked = time.GetTimestamp();
        while (!cancellation.IsCancellationRequested)
        {
            await ReactivateOrphansAsync();
            if (live.Run is not null && time.GetElapsedTime(clockChecked) >= ClockCheckEvery)
            {
                // Orleans deactivates the clock too when its directory partition was on a lost silo: start it again (idempotent).
                clockChecked = time.GetTimestamp();
                await StartClockAsync();
            }

            foreach (var member in membership.CurrentSnapshot.Members.Values)
            {
                if (member.Status != SiloStatus.Dead || member.SiloAddress.Equals(local.SiloAddress) || done.Contains(member.SiloAddress))
                {
                    continue;
                }

                if (!seen.TryGetValue(member.SiloAddress, out var since))
                {
                    seen[member.SiloAddress] = since = time.GetTimestamp();
                }

                if (live.Run is null && time.GetElapsedTime(since) < WithoutScenarioDelay)
                {
                    continue;
                }

                try
                {
                    if (await TakeOverAsync(member.SiloAddress.ToParsableString(), since))
                    {
                        done.Add(member.SiloAddress);
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !cancellation.IsCancellationRequested)
                {
                    // The store or the cluster is unreachable for now: try again at the next look.
                    LogTakeoverFailed(member.SiloAddress.ToParsableString(), ex);
                }
            }

            await Task.Delay(PollEvery, time, cancellation).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // Activates again, on this silo, the conversations Orleans deactivated under them (see LiveConversationGrain.OnDeactivateAsync).
    private async Task ReactivateOrphansAsync()
    {
        while (live.TryTakeOrphan(out var orphan))
        {
            var (resumed, _, reason) = await ResumeAsync(new ClaimedConversation(orphan.Id, orphan.Checkpoint, null));
            if (!resumed && live.Run is { } run && run.Conversations.Ended(orphan.Id, Outcome.Failed, run.NowMicros))
            {
                LogOrphanFailed(orphan.Id, reason);
            }
        }
    }

    private async Task StartClockAsync()
    {
        try
        {
            await grains.GetGrain<ILiveClockGrain>(local.SiloAddress.ToParsableString()).StartAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogClockFailed(ex);
        }
    }

    // True when the lost silo has nothing left to take (taken now, or by another survivor earlier); false when another
    // survivor holds the lease, so this one looks again later.
    private async Task<bool> TakeOverAsync(string lost, long since)
    {
        var ledger = live.Ledger!;
        if (!await ledger.TryLeaseTakeoverAsync(lost, Lease))
        {
            return false;
        }

        try
        {
            var open = await ledger.OpenAsync(lost);
            int resumed = 0, requeued = 0, failed = 0;
            var reasons = new ConcurrentDictionary<string, int>();
            await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (id, _) =>
            {
                if (await ledger.ClaimAsync(id, lost) is not { } claimed)
                {
                    return;
                }

                var (ok, again, reason) = await ResumeAsync(claimed);
                if (ok)
                {
                    Interlocked.Increment(ref resumed);
                    if (again)
                    {
                        Interlocked.Increment(ref requeued);
                    }

                    return;
                }

                await ledger.EndedAsync(id, Outcome.Failed);
                Interlocked.Increment(ref failed);
                reasons.AddOrUpdate(reason, 1, (_, n) => n + 1);
            });

            var seconds = time.GetElapsedTime(since).TotalSeconds;
            if (resumed + failed > 0)
            {
                await ledger.RecordTakeoverAsync(new TakeoverRecord(lost, ledger.Silo, "takeover", resumed, requeued, failed, Math.Round(seconds, 3), time.GetUtcNow(),
                    reasons.ToDictionary(r => r.Key, r => r.Value)));
                live.Metrics.Recovered(RecoveryResult.Resumed, resumed);
                live.Metrics.Recovered(RecoveryResult.Failed, failed);
                LogTookOver(lost, resumed, requeued, failed, seconds);
            }

            return true;
        }
        finally
        {
            await ledger.ReleaseTakeoverAsync(lost);
        }
    }

    private async Task<(bool Resumed, bool Requeued, string Reason)> ResumeAsync(ClaimedConversation claimed)
    {
        if (claimed.Checkpoint.Length == 0)
        {
            return (false, false, "no-checkpoint");
        }

        if (live.Run is null)
        {
            return (false, false, "no-scenario");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await grains.GetGrain<ILiveConversationGrain>(claimed.Id).ResumeAsync(claimed.Checkpoint);
                return (result.Resumed, result.Requeued, result.Reason ?? "");
            }
            catch (Exception) when (attempt < ResumeAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), time);
            }
            catch (Exception)
            {
                return (false, false, "resume-call-failed");
            }
        }
    }

    // A stopping silo's conversations: left to a survivor's takeover when another silo is active (they are in the
    // ledger with their checkpoints), otherwise ended failed here, so none stays open after the last silo exits.
    private async Task EndOwnIfLastAsync()
    {
        if (live.Run is not { } run)
        {
            return;
        }

        var ledger = live.Ledger;
        var others = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(local.SiloAddress));
        if (ledger is { Shared: true } && others > 0)
        {
            LogLeftToSurvivors(run.Conversations.InFlight, others);
            await ledger.FlushAsync(TimeSpan.FromSeconds(5));
            return;
        }

        var start = time.GetTimestamp();
        var failed = 0;
        foreach (var id in run.Conversations.Open())
        {
            if (run.Conversations.Ended(id, Outcome.Failed, run.NowMicros))
            {
                failed++;
            }
        }

        if (ledger is not null)
        {
            // Started in the ledger but never reached a grain here (a start under way): ended too, once the outcomes
            // just recorded have been written.
            await ledger.FlushAsync(TimeSpan.FromSeconds(10));
            foreach (var id in await ledger.OpenAsync(ledger.Silo))
            {
                if (await ledger.EndedAsync(id, Outcome.Failed) == LedgerWrite.Recorded)
                {
                    failed++;
                }
            }

            await ledger.FlushAsync(TimeSpan.FromSeconds(10));
            if (failed > 0)
            {
                await ledger.RecordTakeoverAsync(new TakeoverRecord(ledger.Silo, ledger.Silo, "shutdown", 0, 0, failed, Math.Round(time.GetElapsedTime(start).TotalSeconds, 3),
                    time.GetUtcNow(), new Dictionary<string, int> { ["shutdown"] = failed }));
            }
        }

        if (failed > 0)
        {
            live.Metrics.Recovered(RecoveryResult.Failed, failed);
            LogEndedAtShutdown(failed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Took over the conversations of lost silo {Silo}: {Resumed} resumed ({Requeued} of them re-queued), {Failed} ended failed, {Seconds:F2} s after it was seen dead.")]
    private partial void LogTookOver(string silo, int resumed, int requeued, int failed, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take over the conversations of lost silo {Silo} yet; trying again.")]
    private partial void LogTakeoverFailed(string silo, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping with {InFlight} conversations in flight; {Others} other silos are active, and one will resume them once this silo is gone.")]
    private partial void LogLeftToSurvivors(int inFlight, int others);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping as the last silo: ended {Failed} conversations in flight with the outcome failed.")]
    private partial void LogEndedAtShutdown(int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Id}, deactivated by Orleans while it ran, could not be activated again ({Reason}); it ended failed.")]
    private partial void LogOrphanFailed(long id, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not make sure the real-time clock is running; trying again.")]
    private partial void LogClockFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not end the conversations in flight at shutdown.")]
    private partial void LogShutdownFailed(Exception exception);
}
