namespace AgentSim.Scenarios.Tests;

public sealed class CompiledScenarioTests
{
    [Fact]
    public void Load_PresetWithSeed_HoldsTextHashConfigAndWorldWithTheSeed()
    {
        var scenario = CompiledScenario.Load("baseline", seed: 42);

        Assert.Equal(Presets.GetText("baseline"), scenario.Yaml);
        Assert.Equal("presets/baseline.yaml", scenario.FileName);
        Assert.Equal("preset:baseline", scenario.Location);
        Assert.Equal(ScenarioLoader.ScenarioHash(scenario.Yaml), scenario.Hash);
        Assert.Equal(42UL, scenario.SeedOverride);
        Assert.Equal(42UL, scenario.Config.Seed);
        Assert.Same(scenario.Config, scenario.World.Config);
        Assert.Equal(42UL, scenario.World.Seed);
    }

    [Fact]
    public void Load_NoSeed_KeepsTheScenarioSeed()
    {
        var scenario = CompiledScenario.Load("baseline");

        Assert.Null(scenario.SeedOverride);
        Assert.Equal(Presets.Load("baseline").Seed, scenario.World.Seed);
    }

    [Fact]
    public void Compile_InvalidText_ThrowsWithTheFileAndLine()
    {
        var source = new ScenarioSource("name: x\nconversations: -1\n", "bad.yaml", "/tmp/bad.yaml");

        var error = Assert.Throws<ScenarioLoadException>(() => CompiledScenario.Compile(source));

        Assert.Contains(error.Problems, p => p.File == "bad.yaml" && p.Line == 2);
    }

    [Fact]
    public void Load_NeitherFileNorPreset_ThrowsNamingThePresets()
    {
        var error = Assert.Throws<ScenarioLoadException>(() => CompiledScenario.Load("no-such-scenario"));

        Assert.Contains("baseline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_RateAndEpoch_CompilesTheOverriddenValues()
    {
        var source = ScenarioSource.Resolve("baseline").With(ratePerSecond: 20, epochSeconds: 1);

        var scenario = CompiledScenario.Compile(source);

        Assert.Equal(20, scenario.Config.Arrivals.RatePerSecond);
        Assert.Equal(1_000_000, scenario.World.EpochMicros);
    }

    [Fact]
    public void With_InvalidYaml_LeavesTheTextForCompileToReportWithItsLine()
    {
        var source = new ScenarioSource("name: x\nchannels: [web_chat\n", "bad.yaml", "/tmp/bad.yaml");

        var error = Assert.Throws<ScenarioLoadException>(() => CompiledScenario.Compile(source.With(ratePerSecond: 5, epochSeconds: 1)));

        Assert.Contains(error.Problems, p => p.File == "bad.yaml" && p.Field == "syntax");
    }
}
