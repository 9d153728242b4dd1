using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Grains.Worlds;

/// <summary>Compiles the world of a run request on a silo that was not handed it: the request's YAML and seed through <see cref="CompiledScenario.Compile"/>.</summary>
public static class WorldCompiler
{
    /// <summary>Compiles the request's world; throws <see cref="ScenarioLoadException"/> when the YAML is invalid.</summary>
    public static World Compile(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CompiledScenario.Compile(new ScenarioSource(request.ScenarioYaml, request.ScenarioFile, request.ScenarioFile), request.Seed).World;
    }
}
