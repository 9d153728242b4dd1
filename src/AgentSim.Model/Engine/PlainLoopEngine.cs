using AgentSim.Model.Results;

namespace AgentSim.Model.Engine;

/// <summary>
/// The Model driven as a plain in-process loop over epochs, without Orleans: the cost floor the Orleans engine is
/// measured against, and a second implementation the tests compare it with.
/// </summary>
public static class PlainLoopEngine
{
    /// <summary>Runs a world to completion and returns its totals; <paramref name="snapshots"/>, when given, receives every epoch's snapshot (for replays).</summary>
    public static RunOutcome Run(World world, RunOptions options, ISimulationObserver? metrics = null, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default, IList<EpochSnapshot>? snapshots = null)
    {
        var parallelism = Math.Max(1, options.Parallelism);
        var tallies = Enumerable.Range(0, parallelism).Select(_ => new RunTally(world)).ToArray();
        var shards = Enumerable.Range(0, parallelism).Select(i => new Shard(world, i, parallelism, CompositeObserver.Of(tallies[i], metrics))).ToArray();
        var runTally = new RunTally(world);
        var coordinatorObserver = CompositeObserver.Of(runTally, metrics);
        var shared = new SharedState(world);
        long remaining = options.Conversations, nextId = 0, started = 0, ended = 0, inFlight;
        var epoch = 0;
        do
        {
            cancellation.ThrowIfCancellationRequested();
            var snapshot = shared.Snapshot(epoch);
            snapshots?.Add(snapshot);
            for (var a = 0; a < snapshot.AgentRolledBack.Length; a++)
            {
                coordinatorObserver.AgentState(a, snapshot.AgentRolledBack[a]);
            }

            var count = ArrivalSchedule.CountFor(world, epoch, remaining);
            var reports = new EpochReport[parallelism];
            if (parallelism == 1)
            {
                reports[0] = shards[0].Advance(snapshot, nextId, count);
            }
            else
            {
                var first = nextId;
                Parallel.For(0, parallelism, i => reports[i] = shards[i].Advance(snapshot, first, count));
            }

            var merged = new EpochReport(world.Agents.Length, world.Providers.Length);
            foreach (var r in reports)
            {
                merged.Add(r);
            }

            shared.Close(snapshot, merged, coordinatorObserver);
            nextId += count;
            remaining -= count;
            started += merged.Started;
            ended += merged.Ended;
            inFlight = merged.InFlight;
            epoch++;
            progress?.Report(new RunProgress(started, ended, options.Conversations, epoch * world.EpochMicros / 1e6));
        }
        while (remaining > 0 || inFlight > 0);

        foreach (var t in tallies)
        {
            runTally.Add(t.Values);
        }

        return new RunOutcome(runTally, options.Conversations, epoch);
    }
}
