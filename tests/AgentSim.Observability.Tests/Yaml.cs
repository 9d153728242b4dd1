using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AgentSim.Observability.Tests;

/// <summary>Reads the YAML files of the stack (Prometheus rules and tests, Grafana provisioning) into typed models.</summary>
public static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Deserializes the YAML file at <paramref name="path"/>.</summary>
    public static T Read<T>(string path) => Deserializer.Deserialize<T>(File.ReadAllText(path));
}
