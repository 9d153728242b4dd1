using System.Text.Json;

namespace AgentSim.Model.Configuration;

/// <summary>
/// A validated <see cref="ScenarioConfig"/> as JSON and back, exactly: how a scenario built in code (the gap experiment's
/// enterprises) is deep-copied, and how it travels to a cluster's silos, which compile the same world from it.
/// </summary>
public static class ScenarioConfigJson
{
    private static readonly JsonSerializerOptions Options = new() { IncludeFields = false };

    /// <summary>The configuration as JSON.</summary>
    public static string Serialize(ScenarioConfig config) => JsonSerializer.Serialize(config, Options);

    /// <summary>The configuration read back from <see cref="Serialize"/>'s JSON.</summary>
    public static ScenarioConfig Deserialize(string json) =>
        JsonSerializer.Deserialize<ScenarioConfig>(json, Options) ?? throw new JsonException("the scenario configuration is empty");
}
