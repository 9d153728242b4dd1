using System.Collections.Concurrent;
using AgentSim.Grains.Tests.Fixtures;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using Microsoft.Extensions.Time.Testing;

namespace AgentSim.Grains.Tests.Engine;

/// <summary>
/// The paced clock (<c>agentsim silo --clock paced</c>): epoch k is stepped once k × epoch ÷ time scale of wall time has
/// passed since the start, never before, and the run still ends with the plain loop's tally. Wall time is a fake clock the
/// test advances, so the schedule is checked exactly.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PacedRunTests(ClusterFixture cluster)
{
    [Fact]
    public async Task RunPacedAsync_StepsEpochKOnlyOnceKWallSecondsHavePassed_AndEndsWithThePlainLoopsTally()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = Runs.Request("baseline", seed: 4, conversations: 200, parallelism: 2);
        var world = WorldCompiler.Compile(request);
        cluster.Worlds.Add(request, world);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        var start = time.GetTimestamp();
        var steps = new ConcurrentQueue<(double SimulatedSeconds, TimeSpan At)>();
        var wallPerEpoch = TimeSpan.FromSeconds(world.EpochMicros / 1e6 / 60); // time scale 60: a 60 s epoch every wall second

        var run = OrleansEngine.RunPacedAsync(cluster.Client, request, world, 60, time, new Steps(steps, time, start), ct);

        // Epoch 0 runs at once; without wall time passing, no other does.
        await UntilAsync(() => steps.Count == 1, ct);
        await Task.Delay(300, ct);
        Assert.Single(steps);

        // Each advance of one epoch's wall time lets exactly one more epoch run.
        for (var k = 1; k <= 3; k++)
        {
            time.Advance(wallPerEpoch);
            await UntilAsync(() => steps.Count == k + 1, ct);
            await Task.Delay(100, ct);
            Assert.Equal(k + 1, steps.Count);
        }

        // Then fast to the end.
        while (!run.IsCompleted)
        {
            time.Advance(wallPerEpoch);
            await Task.WhenAny(run, Task.Delay(5, ct));
        }

        await run;
        var ordered = steps.ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            Assert.Equal((i + 1) * world.EpochMicros / 1e6, ordered[i].SimulatedSeconds);
            Assert.True(ordered[i].At >= wallPerEpoch * i, $"epoch {i} stepped at {ordered[i].At}, before its time {wallPerEpoch * i}");
        }

        var tally = await cluster.Client.GetGrain<Abstractions.Grains.IRunCoordinatorGrain>(request.RunId).GetTallyAsync();
        var plain = Runs.Plain(request);
        Assert.Equal(plain.Epochs, ordered.Length);
        Assert.Equal(plain.Tally.Values, tally.Values);
    }

    private static async Task UntilAsync(Func<bool> condition, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the paced run did not step within 10 s of real time");
            await Task.Delay(5, ct);
        }
    }

    // Records each step as it is reported: the simulated time run so far and the fake wall time since the start.
    private sealed class Steps(ConcurrentQueue<(double SimulatedSeconds, TimeSpan At)> steps, TimeProvider time, long start) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => steps.Enqueue((value.SimulatedSeconds, time.GetElapsedTime(start)));
    }
}
