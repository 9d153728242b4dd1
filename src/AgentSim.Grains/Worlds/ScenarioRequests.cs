using AgentSim.Abstractions.Messages;
using AgentSim.Scenarios;

namespace AgentSim.Grains.Worlds;

/// <summary>Run requests for compiled scenarios: the text and seed override a remote silo needs to compile the same world.</summary>
public static class ScenarioRequests
{
    /// <summary>A request to run <paramref name="conversations"/> conversations of <paramref name="scenario"/> on <paramref name="parallelism"/> shards.</summary>
    public static RunRequest ToRunRequest(this CompiledScenario scenario, string runId, long conversations, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new RunRequest(runId, scenario.Yaml, scenario.FileName, scenario.SeedOverride, conversations, parallelism);
    }
}
