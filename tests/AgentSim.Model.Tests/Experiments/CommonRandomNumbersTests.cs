using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Model.Epochs;
using AgentSim.Model.Experiments;
using AgentSim.Model.Transcripts;
using AgentSim.Scenarios;
using AgentSim.Scenarios.Experiments;

namespace AgentSim.Model.Tests.Experiments;

/// <summary>
/// Variants of a comparison see common random numbers: the same customers arrive at the same instants with the same
/// intents, channels and first words, whatever the guardrails do with them; only what the variant changes differs.
/// </summary>
public class CommonRandomNumbersTests
{
    private const long Conversations = 1_000;

    private static ScenarioConfig Load(string placement)
    {
        var source = new ScenarioSource(Presets.GetText("baseline"), "baseline.yaml", "preset:baseline");
        if (placement == "as-is")
        {
            return ScenarioLoader.LoadText(source.Yaml, source.FileName);
        }

        return ScenarioLoader.LoadText(PlacementVariants.Build(ScenarioYaml.Parse(source), placement).Yaml.Text(), $"baseline-{placement}.yaml");
    }

    private static List<Transcript> Transcripts(string placement, ulong seed)
    {
        var config = Load(placement);
        config.Seed = seed;
        var world = World.Compile(config);
        var snapshots = new List<EpochSnapshot>();
        PlainLoopEngine.Run(world, new RunOptions(Conversations, 1), snapshots: snapshots);
        return [.. Enumerable.Range(0, 200).Select(id => ConversationReplay.Replay(world, id, Conversations, e => snapshots[e]))];
    }

    [Fact]
    public void PlacementVariants_SeeIdenticalConversationStreams()
    {
        var reference = Transcripts("as-is", 7);
        var differentAgentInput = 0;
        foreach (var placement in PlacementVariants.Names)
        {
            var variant = Transcripts(placement, 7);
            for (var id = 0; id < reference.Count; id++)
            {
                var (a, b) = (reference[id], variant[id]);
                Assert.Equal((a.Customer, a.Intent, a.Agent, a.TurnsNeeded), (b.Customer, b.Intent, b.Agent, b.TurnsNeeded));
                Assert.Equal((a.Turns[0].AtSeconds, a.Turns[0].Channel, a.Turns[0].Customer), (b.Turns[0].AtSeconds, b.Turns[0].Channel, b.Turns[0].Customer));
                differentAgentInput += a.Turns[0].AgentSaw == b.Turns[0].AgentSaw ? 0 : 1;
            }
        }

        // ...while the guardrails do change what the agent sees (masked PII, blocked injections) in some conversations.
        Assert.True(differentAgentInput > 0, "no variant changed what the agent saw: the variants are not different");
    }

    [Fact]
    public void AnotherSeed_IsAnotherStream()
    {
        var a = Transcripts("as-is", 7);
        var b = Transcripts("as-is", 8);
        Assert.True(a.Zip(b).Count(p => p.First.Customer != p.Second.Customer) > 150, "replications with different seeds should draw different customers");
    }

    [Fact]
    public void ComparingAScenarioWithItself_GivesExactlyZeroDifferences()
    {
        var variants = new[] { "a", "b" }.Select(n => new ExperimentVariant(n, n, () => Load("as-is"))).ToList();
        var result = ComparisonRunner.Run("scenarios", variants, new ComparisonSettings(2_000, 3, 11, new EffortModel(), Parallelism: 2), cancellation: TestContext.Current.CancellationToken);
        foreach (var (key, d) in result.Variants[1].Differences!)
        {
            Assert.True(d.Mean == 0 && d.Low == 0 && d.High == 0, $"{key}: {d}");
        }

        Assert.True(result.Variants[0].Estimates["resolution_rate"].HalfWidth > 0, "replications differ from each other");
    }

    [Fact]
    public void Results_DoNotDependOnParallelism()
    {
        var variants = new[] { "as-is", "none" }.Select(n => new ExperimentVariant(n, n, () => Load(n))).ToList();
        var one = ComparisonRunner.Run("placements", variants, new ComparisonSettings(1_500, 2, 5, new EffortModel(), Parallelism: 1), cancellation: TestContext.Current.CancellationToken);
        var two = ComparisonRunner.Run("placements", variants, new ComparisonSettings(1_500, 2, 5, new EffortModel(), Parallelism: 2), cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(
            one.Variants.SelectMany(v => v.Runs.SelectMany(r => r.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value))),
            two.Variants.SelectMany(v => v.Runs.SelectMany(r => r.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value))));
    }

    [Fact]
    public void IntervalWidth_ShrinksAsOneOverRootReplications()
    {
        // Half-width = t(0.975, n−1) · s / √n. From 10 to 40 replications it should shrink by about
        // 2 · t(9)/t(39) = 2 · 2.262/2.023 = 2.24, give or take the noise in s from 10 values (about ±25%).
        static double HalfWidth(int replications) => ComparisonRunner.Run(
                "scenarios",
                [new ExperimentVariant("as-is", "as-is", () => Load("as-is"))],
                new ComparisonSettings(300, replications, 100, new EffortModel(), Parallelism: 2), cancellation: TestContext.Current.CancellationToken)
            .Variants[0].Estimates["resolution_rate"].HalfWidth;

        var ratio = HalfWidth(10) / HalfWidth(40);
        Assert.InRange(ratio, 1.5, 3.3);
    }
}
