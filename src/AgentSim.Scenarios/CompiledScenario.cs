using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;

namespace AgentSim.Scenarios;

/// <summary>
/// A scenario read, validated and compiled once: its source text, its hash, its <see cref="ScenarioConfig"/> and its
/// compiled world. Every command and engine of a process takes this rather than the text, so nothing
/// parses or compiles the scenario a second time.
/// </summary>
public sealed class CompiledScenario
{
    private CompiledScenario(ScenarioSource source, ulong? seedOverride, ScenarioConfig config, World world)
    {
        Source = source;
        SeedOverride = seedOverride;
        Config = config;
        World = world;
        Hash = ScenarioLoader.ScenarioHash(source.Yaml);
    }

    /// <summary>Where the scenario came from and its text.</summary>
    public ScenarioSource Source { get; }

    /// <summary>The seed given instead of the scenario's own, or null.</summary>
    public ulong? SeedOverride { get; }

    /// <summary>The validated scenario (with the seed override applied).</summary>
    public ScenarioConfig Config { get; }

    /// <summary>The compiled world.</summary>
    public World World { get; }

    /// <summary>Lower-case hex SHA-256 of the scenario text.</summary>
    public string Hash { get; }

    /// <summary>The scenario text.</summary>
    public string Yaml => Source.Yaml;

    /// <summary>The name problems are reported against.</summary>
    public string FileName => Source.FileName;

    /// <summary>The full path of a file, or <c>preset:NAME</c>.</summary>
    public string Location => Source.Location;

    /// <summary>Resolves a file or preset (<see cref="ScenarioSource.Resolve"/>) and compiles it; throws <see cref="ScenarioLoadException"/> with every problem.</summary>
    public static CompiledScenario Load(string nameOrPath, ulong? seed = null) => Compile(ScenarioSource.Resolve(nameOrPath), seed);

    /// <summary>Parses, validates and compiles a scenario's text, the seed override applied; throws <see cref="ScenarioLoadException"/> with every problem.</summary>
    public static CompiledScenario Compile(ScenarioSource source, ulong? seed = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var config = ScenarioLoader.LoadText(source.Yaml, source.FileName);
        if (seed is { } s)
        {
            config.Seed = s;
        }

        return new CompiledScenario(source, seed, config, World.Compile(config));
    }
}
