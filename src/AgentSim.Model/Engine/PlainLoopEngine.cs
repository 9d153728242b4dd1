using AgentSim.Model.Epochs;
using AgentSim.Model.Events;

namespace AgentSim.Model.Engine;

/// <summary>
/// The Model driven as a plain in-process loop over epochs, without Orleans: the cost floor the Orleans engine is
/// measured against, and a second implementation the tests compare it with. It runs the same <see cref="EpochLoop"/>
/// as the Orleans coordinator, over <see cref="LocalEpochSteps"/>, synchronously.
/// </summary>
public static class PlainLoopEngine
{
    /// <summary>Runs a world to completion and returns its totals; <paramref name="snapshots"/>, when given, receives every epoch's snapshot (for replays).</summary>
    public static RunOutcome Run(World world, RunOptions options, ISimulationObserver? metrics = null, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default, IList<EpochSnapshot>? snapshots = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(options);
        var steps = new LocalEpochSteps(world, options.Parallelism, metrics);
        var loop = new EpochLoop(world, options.Conversations, steps, metrics, snapshots is null ? null : snapshots.Add);
        while (!loop.Done)
        {
            cancellation.ThrowIfCancellationRequested();
            loop.Step();
            progress?.Report(loop.Progress);
        }

        return new RunOutcome(loop.Totals(steps.Tallies.Select(t => t.Values)), options.Conversations, loop.Epoch);
    }
}
