using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;
using AgentSim.Model.Tallies;

namespace AgentSim.Grains;

/// <summary>
/// Client-side driver of the Orleans engine: starts a run's coordinator and steps it epoch by epoch to the end. It takes
/// the run's compiled world; a silo in this process should be handed the same world first
/// (<see cref="Worlds.WorldCache.Add"/>) so its grains compile nothing.
/// </summary>
public static class OrleansEngine
{
    /// <summary>
    /// Runs a request to completion on the cluster and returns its merged totals; <paramref name="world"/> is the request's
    /// compiled world. With <paramref name="recovery"/> (a cluster whose runs are checkpointed), a call that fails because a
    /// silo was lost is retried until the cluster has recovered, within the recovery's budget: the run then goes on from its
    /// last checkpointed epoch, and its totals are those of a run without the loss.
    /// </summary>
    public static async Task<RunOutcome> RunAsync(IGrainFactory grains, RunRequest request, World world, IProgress<RunProgress>? progress = null, CancellationToken ct = default, RunRecovery? recovery = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(world);
        var coordinator = grains.GetGrain<IRunCoordinatorGrain>(request.RunId);
        await Retrying(recovery, "starting the run", async () =>
        {
            await coordinator.StartAsync(request);
            return true;
        }, ct);
        StepResult step;
        do
        {
            ct.ThrowIfCancellationRequested();
            step = await Retrying(recovery, "running an epoch", coordinator.StepAsync, ct);
            progress?.Report(step.ToProgress());
        }
        while (!step.Done);

        var totals = await Retrying(recovery, "collecting the totals", coordinator.GetTallyAsync, ct);
        var tally = new RunTally(world.Labels);
        tally.Add(totals.Values);
        return new RunOutcome(tally, request.Conversations, totals.Epochs);
    }

    /// <summary>
    /// Runs a request in real time: epoch k is stepped once the wall clock reaches k × epoch / <paramref name="timeScale"/>
    /// after the start, so simulated time advances <paramref name="timeScale"/> times as fast as the wall clock (as fast as
    /// the cluster can when it cannot keep up). Returns when the run is done or <paramref name="ct"/> is cancelled (throws then).
    /// With <paramref name="recovery"/>, a silo lost during the run is waited out as in <see cref="RunAsync"/>.
    /// </summary>
    public static async Task RunPacedAsync(IGrainFactory grains, RunRequest request, World world, double timeScale, TimeProvider time, IProgress<RunProgress>? progress = null, CancellationToken ct = default, RunRecovery? recovery = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeScale);
        var wallPerEpoch = TimeSpan.FromSeconds(world.EpochMicros / 1e6 / timeScale);
        var coordinator = grains.GetGrain<IRunCoordinatorGrain>(request.RunId);
        await Retrying(recovery, "starting the run", async () =>
        {
            await coordinator.StartAsync(request);
            return true;
        }, ct);
        var start = time.GetTimestamp();
        for (long epoch = 1; ; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            var step = await Retrying(recovery, "running an epoch", coordinator.StepAsync, ct);
            progress?.Report(step.ToProgress());
            if (step.Done)
            {
                return;
            }

            var wait = (wallPerEpoch * epoch) - time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
            }
        }
    }

    // Calls `call`, and with a recovery retries it while it fails for a lost silo, until the recovery's budget has passed
    // since the first failure in a row.
    private static async Task<T> Retrying<T>(RunRecovery? recovery, string what, Func<Task<T>> call, CancellationToken ct)
    {
        long? failingSince = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return recovery is null ? await call() : await recovery.WatchAsync(call);
            }
            catch (Exception e) when (recovery is not null && RunRecovery.IsSiloLoss(e)
                && (failingSince is null || recovery.Time.GetElapsedTime(failingSince.Value) < recovery.Budget))
            {
                failingSince ??= recovery.Time.GetTimestamp();
                recovery.Retrying?.Invoke(what, attempt, e);
                await Task.Delay(recovery.Delay, recovery.Time, ct);
            }
        }
    }
}
