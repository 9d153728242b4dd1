using AgentSim.Grains.Tests.Fixtures;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Grains.Tests.Engine;

[Collection(ClusterCollection.Name)]
public sealed class OrleansEngineTests(ClusterFixture cluster)
{
    public static TheoryData<string> PresetNames => [.. Presets.Names];

    [Theory]
    [MemberData(nameof(PresetNames))]
    public async Task RunAsync_Preset_GivesPlainLoopTallyExactly(string preset)
    {
        var request = Runs.Request(preset, seed: 7, conversations: 2_000, parallelism: 3);

        var orleans = await cluster.RunAsync(request);
        var plain = Runs.Plain(request);

        Assert.Equal(plain.Epochs, orleans.Epochs);
        Assert.Equal(plain.Tally.Values, orleans.Tally.Values);
    }

    [Fact]
    public async Task RunAsync_Parallelism1And4_GiveIdenticalTallies()
    {
        var one = Runs.Request("strict-governance", seed: 11, conversations: 3_000, parallelism: 1);
        var four = one with { RunId = one.RunId + "x4", Parallelism = 4 };

        var a = await cluster.RunAsync(one);
        var b = await cluster.RunAsync(four);

        Assert.True(TallyTotals.Rollbacks(a.Tally, WorldCompiler.Compile(one)) > 0, "the run should exercise rollbacks");
        Assert.Equal(a.Tally.Values, b.Tally.Values);
        Assert.Equal(a.Epochs, b.Epochs);
    }

    [Fact]
    public async Task RunAsync_OutageScenario_EveryConversationEndsExactlyOnce()
    {
        var request = Runs.Request("provider-outage", seed: 3, conversations: 2_500, parallelism: 4);

        var outcome = await cluster.RunAsync(request);

        Assert.Equal(2_500, TallyTotals.Started(outcome.Tally));
        Assert.Equal(2_500, TallyTotals.Ended(outcome.Tally));
    }

    [Fact]
    public async Task RunAsync_WithProgress_ReportsEveryEpochUpToTheTarget()
    {
        var request = Runs.Request("baseline", seed: 5, conversations: 1_000, parallelism: 2);
        var reports = new List<RunProgress>();

        var outcome = await cluster.RunAsync(request, new SyncProgress(reports));

        Assert.Equal(outcome.Epochs, reports.Count);
        Assert.Equal(new RunProgress(1_000, 1_000, 1_000, outcome.Epochs * 60.0), reports[^1]);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Started <= p.Second.Started));
    }

    [Fact]
    public async Task RunAsync_ObserverFactoryRegistered_ObserverSeesEveryConversationAndRollback()
    {
        const ulong seed = 90_001;
        var request = Runs.Request("strict-governance", seed, conversations: 1_500, parallelism: 3);

        var outcome = await cluster.RunAsync(request);

        var observer = cluster.Observers.For(seed);
        Assert.NotNull(observer);
        Assert.Equal(1_500, observer.Started);
        Assert.Equal(1_500, observer.Ended);
        Assert.Equal(TallyTotals.Rollbacks(outcome.Tally, WorldCompiler.Compile(request)), observer.Rollbacks);
    }

    private sealed class SyncProgress(List<RunProgress> reports) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => reports.Add(value);
    }
}
