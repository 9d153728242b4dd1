using AgentSim.Abstractions.Messages;
using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Grains.Worlds;

/// <summary>
/// Compiles the world of a run request on a silo that was not handed it: the request's YAML and seed through
/// <see cref="CompiledScenario.Compile"/>, or, for a scenario built in code, its configuration's JSON.
/// </summary>
public static class WorldCompiler
{
    /// <summary>Compiles the request's world; throws <see cref="ScenarioLoadException"/> when the YAML is invalid.</summary>
    public static World Compile(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ScenarioJson is { } json)
        {
            // Built and validated by the client (the gap experiment's enterprises): the same configuration, compiled here.
            var config = ScenarioConfigJson.Deserialize(json);
            if (request.Seed is { } seed)
            {
                config.Seed = seed;
            }

            return World.Compile(config);
        }

        return CompiledScenario.Compile(new ScenarioSource(request.ScenarioYaml, request.ScenarioFile, request.ScenarioFile), request.Seed).World;
    }
}
