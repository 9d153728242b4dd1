using AgentSim.Model.Engine;
using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Tallies;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Engine;

public sealed class EpochLoopTests
{
    [Fact]
    public void Step_ToTheEnd_HandsOutEveryIdOnceInContiguousEpochsAndEndsWhenNothingIsInFlight()
    {
        var world = World.Compile(Presets.Load("baseline"));
        var steps = new RecordingSteps(new LocalEpochSteps(world, 2));
        var loop = new EpochLoop(world, 500, steps);

        while (loop.Step())
        {
        }

        Assert.True(loop.Done);
        Assert.Equal(loop.Epoch, steps.Windows.Count);
        Assert.Equal(Enumerable.Range(0, loop.Epoch), steps.Windows.Select(w => w.Epoch));
        Assert.All(steps.Windows, w => Assert.Equal(EpochWindow.Of(world, w.Epoch), w));
        Assert.Equal(0, steps.Advances[0].FirstId);
        Assert.All(steps.Advances.Zip(steps.Advances.Skip(1)), p => Assert.Equal(p.First.FirstId + p.First.Count, p.Second.FirstId));
        Assert.Equal(500, steps.Advances.Sum(a => a.Count));
        Assert.Equal((500L, 500L, 0L, 0L), (loop.Started, loop.Ended, loop.Remaining, loop.InFlight));
        Assert.False(loop.Step());
        Assert.Equal(steps.Windows.Count, loop.Epoch);
    }

    [Fact]
    public void Step_NoConversations_TakesExactlyOneEpoch()
    {
        var world = World.Compile(Presets.Load("baseline"));
        var loop = new EpochLoop(world, 0, new LocalEpochSteps(world, 1));

        Assert.True(loop.Step());
        Assert.True(loop.Done);
        Assert.Equal(1, loop.Epoch);
    }

    [Fact]
    public void Step_RollbacksTheStepsReport_GoToTheTallyAndTheMetrics()
    {
        var world = World.Compile(Presets.Load("strict-governance"));
        var steps = new RecordingSteps(new LocalEpochSteps(world, 1));
        var metrics = new RunTally(world.Labels);
        var loop = new EpochLoop(world, 3_000, steps, metrics);

        while (loop.Step())
        {
        }

        Assert.True(steps.Rollbacks > 0, "the run should exercise rollbacks");
        Assert.Equal(steps.Rollbacks, Rollbacks(metrics, world));
        Assert.Equal(steps.Rollbacks, Rollbacks(loop.Tally, world));
    }

    [Fact]
    public async Task StepAsync_StepsThatCompleteAsynchronously_GiveThePlainLoopsTotalsExactly()
    {
        var world = World.Compile(Presets.Load("provider-outage"));
        var local = new LocalEpochSteps(world, 3);
        var loop = new EpochLoop(world, 2_000, new YieldingSteps(local));

        while (await loop.StepAsync())
        {
        }

        var plain = PlainLoopEngine.Run(world, new RunOptions(2_000, 1), cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(plain.Epochs, loop.Epoch);
        Assert.Equal(plain.Tally.Values, loop.Totals(local.Tallies.Select(t => t.Values)).Values);
    }

    private static long Rollbacks(RunTally tally, World world) =>
        world.Agents.Sum(a => Enum.GetValues<RollbackReason>().Sum(r => tally.Rollbacks(a.Index, r)));

    private sealed class RecordingSteps(IEpochSteps inner) : IEpochSteps
    {
        public List<EpochWindow> Windows { get; } = [];

        public List<(long FirstId, long Count)> Advances { get; } = [];

        public int Rollbacks { get; private set; }

        public ValueTask<EpochSnapshot> BeginEpochAsync(EpochWindow window)
        {
            Windows.Add(window);
            return inner.BeginEpochAsync(window);
        }

        public ValueTask<EpochReport[]> AdvanceShardsAsync(EpochSnapshot snapshot, long firstId, long count)
        {
            Advances.Add((firstId, count));
            return inner.AdvanceShardsAsync(snapshot, firstId, count);
        }

        public async ValueTask<RollbackReason?[]> CloseEpochAsync(EpochSnapshot snapshot, EpochReport merged)
        {
            var rollbacks = await inner.CloseEpochAsync(snapshot, merged);
            Rollbacks += rollbacks.Count(r => r is not null);
            return rollbacks;
        }
    }

    private sealed class YieldingSteps(IEpochSteps inner) : IEpochSteps
    {
        public async ValueTask<EpochSnapshot> BeginEpochAsync(EpochWindow window)
        {
            await Task.Yield();
            return await inner.BeginEpochAsync(window);
        }

        public async ValueTask<EpochReport[]> AdvanceShardsAsync(EpochSnapshot snapshot, long firstId, long count)
        {
            await Task.Yield();
            return await inner.AdvanceShardsAsync(snapshot, firstId, count);
        }

        public async ValueTask<RollbackReason?[]> CloseEpochAsync(EpochSnapshot snapshot, EpochReport merged)
        {
            await Task.Yield();
            return await inner.CloseEpochAsync(snapshot, merged);
        }
    }
}
