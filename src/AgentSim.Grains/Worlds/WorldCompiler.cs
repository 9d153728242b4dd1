using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Grains.Worlds;

/// <summary>Compiles the world of a run request: YAML → scenario, seed override, <see cref="World.Compile"/>.</summary>
public static class WorldCompiler
{
    /// <summary>Compiles the request's world; throws <see cref="ScenarioLoadException"/> when the YAML is invalid.</summary>
    public static World Compile(RunRequest request)
    {
        var config = ScenarioLoader.LoadText(request.ScenarioYaml, request.ScenarioFile);
        if (request.Seed is { } seed)
        {
            config.Seed = seed;
        }

        return World.Compile(config);
    }
}
