using System.Collections.Concurrent;
using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Engine;

/// <summary>Runs presets with the plain loop and caches the results, so phenomena tests share runs.</summary>
internal static class PresetRuns
{
    /// <summary>Conversations per preset run in tests.</summary>
    public const long Conversations = 12_000;

    private static readonly ConcurrentDictionary<string, Lazy<RunResults>> Cache = new();

    /// <summary>Results of a preset with its own seed.</summary>
    public static RunResults Of(string preset) =>
        Cache.GetOrAdd(preset, p => new Lazy<RunResults>(() => Run(Presets.Load(p)))).Value;

    /// <summary>Runs a scenario with the plain loop.</summary>
    public static RunResults Run(ScenarioConfig scenario, long conversations = Conversations, int parallelism = 2)
    {
        var world = World.Compile(scenario);
        return ResultsBuilder.Build(world, PlainLoopEngine.Run(world, new RunOptions(conversations, parallelism)));
    }

    /// <summary>Conversations that ended in an outcome.</summary>
    public static long Outcome(this RunResults r, string name) => r.Outcomes[name];
}
