using System.Collections.Concurrent;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Cluster;
using AgentSim.Model;
using AgentSim.Model.Events;

namespace AgentSim.Grains.Live;

/// <summary>
/// A silo's real-time side: its clock over the scenario it serves (null when it was started without one) and the one
/// path by which conversations start — the HTTP ingress, the Orleans client's <see cref="IIngressGrain"/> and the silo's
/// own traffic all come through <see cref="StartAsync"/>, so admission, validation and counting are the same for all.
/// Every conversation accepted is first written to the cluster's <see cref="ConversationLedger"/> (when the silo has one),
/// so it is accounted for whatever becomes of this silo.
/// </summary>
public sealed class LiveSilo
{
    /// <summary>Seconds a refused caller is told to wait before trying again.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Attempts to start a conversation's activation before the start is given up (and the conversation ended failed).</summary>
    public const int StartAttempts = 4;

    /// <summary>Wait before the first retry of a start; each further retry waits that much longer.</summary>
    public static readonly TimeSpan StartRetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly IGrainFactory _grains;
    private readonly ILiveMetrics _metrics;
    private readonly ConcurrentQueue<(long Id, byte[] Checkpoint)> _orphans = new();

    /// <summary>
    /// The silo's real-time side over <paramref name="run"/> (null: no scenario), its conversations accounted for in
    /// <paramref name="ledger"/> (null: by this silo alone); the faults in force on its clock are observed as a metric.
    /// </summary>
    public LiveSilo(IGrainFactory grains, ILiveMetrics metrics, LiveRun? run = null, ConversationLedger? ledger = null)
    {
        _grains = grains;
        _metrics = metrics;
        Run = run;
        Ledger = ledger;
        if (run is not null)
        {
            metrics.ObserveFaults(() => run.ActiveFaults().Select(f => (f.Kind.Name(), f.Scope)));
        }
    }

    /// <summary>The real-time clock, or null when the silo serves no scenario.</summary>
    public LiveRun? Run { get; }

    /// <summary>The cluster's conversation ledger, or null when the silo keeps no account beyond its own records.</summary>
    public ConversationLedger? Ledger { get; }

    /// <summary>What the silo measures about its real-time side.</summary>
    public ILiveMetrics Metrics => _metrics;

    /// <summary>True once the silo is stopping: it starts no more conversations (they would only wait for a silo that is going).</summary>
    public bool Stopping { get; private set; }

    /// <summary>Starts no more conversations: the ingress answers 503 with Retry-After, the silo's own arrivals stop.</summary>
    public void Stop() => Stopping = true;

    /// <summary>Starts a conversation now, or says why not: no scenario, a wrong request, or the admission limit (counted as shed).</summary>
    public async Task<IngressTicket> StartAsync(ConversationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (Run is not { } run)
        {
            return new IngressTicket(0, IngressStatus.NoScenario, Problems: ["this silo was started without --scenario, so it runs no conversations"]);
        }

        if (Stopping)
        {
            return new IngressTicket(0, IngressStatus.Overloaded, RetryAfterSeconds, ["the silo is stopping"]);
        }

        if (!run.TryResolve(spec, out _, out var problems))
        {
            return new IngressTicket(0, IngressStatus.Invalid, Problems: problems);
        }

        if (!run.Conversations.TryAdmit(out var id))
        {
            _metrics.Shed(ShedReason.Admission, 1);
            return new IngressTicket(0, IngressStatus.Overloaded, RetryAfterSeconds);
        }

        if (Ledger is { } ledger)
        {
            try
            {
                await ledger.StartedAsync(id);
            }
            catch
            {
                // Not in the ledger, so not accepted: the caller is told the silo could not start it.
                run.Conversations.Release(id);
                throw;
            }
        }

        try
        {
            await StartGrainAsync(id, spec);
        }
        catch
        {
            // The ledger has it: it ends failed, explicitly (a start that failed may still have been applied; the
            // ledger keeps the first outcome and the grain stops at its next checkpoint).
            if (!run.Conversations.Ended(id, Outcome.Failed, run.NowMicros))
            {
                run.Conversations.Release(id);
                Ledger?.EndInBackground(id, Outcome.Failed);
            }

            throw;
        }

        return new IngressTicket(id, IngressStatus.Accepted);
    }

    /// <summary>
    /// Keeps the checkpoint of conversation <paramref name="id"/>, whose activation Orleans deactivated while it was running
    /// (its grain directory partition was on a silo that was lost): it is activated again from it (<see cref="TryTakeOrphan"/>).
    /// </summary>
    public void Orphaned(long id, byte[] checkpoint) => _orphans.Enqueue((id, checkpoint));

    /// <summary>Takes the next conversation to activate again after Orleans deactivated it, if any.</summary>
    public bool TryTakeOrphan(out (long Id, byte[] Checkpoint) orphan) => _orphans.TryDequeue(out orphan);

    // A start is retried a few times (the grain's start is idempotent): just after a silo is lost, placing an activation
    // whose directory partition was on that silo fails until the cluster has declared it dead.
    private async Task StartGrainAsync(long id, ConversationSpec spec)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _grains.GetGrain<ILiveConversationGrain>(id).StartAsync(spec);
                return;
            }
            catch (Exception ex) when (attempt < StartAttempts && !Stopping && ex is not ArgumentException)
            {
                await Task.Delay(StartRetryDelay * attempt);
            }
        }
    }

    /// <summary>Where conversation <paramref name="id"/> stands, or null when this silo does not know it.</summary>
    public LiveConversationView? View(long id) => Run?.Conversations.View(id, Run.NowMicros);
}
