using AgentSim.Cli.Validation;
using Microsoft.Extensions.Configuration;

namespace AgentSim.Cli.Running;

/// <summary>
/// Where <c>agentsim run</c> (and every other command that runs simulations) runs: the keys <c>Run:Clustering</c>, <c>Run:Redis</c> and <c>Run:ClusterId</c>, read like
/// the silo's settings (appsettings.json, environment, <c>AGENTSIM_RUN__CLUSTERING</c> and the like, then the flags
/// <c>--clustering</c>, <c>--redis</c>, <c>--cluster-id</c> — later wins).
/// </summary>
/// <param name="Clustering"><c>localhost</c> or <c>redis</c>.</param>
/// <param name="Redis">The Redis server, or null.</param>
/// <param name="ClusterId">The cluster id, or null.</param>
public sealed record RunClusterSettings(string Clustering, string? Redis, string? ClusterId)
{
    /// <summary>True with <c>redis</c> clustering: runs go to an existing cluster as an Orleans client.</summary>
    public bool OnCluster => Clustering == "redis";

    /// <summary>Configuration section of the keys.</summary>
    public const string Section = "Run";

    /// <summary>Each key with the flag that sets it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [$"{Section}:Clustering"] = "--clustering",
        [$"{Section}:Redis"] = "--redis",
        [$"{Section}:ClusterId"] = "--cluster-id",
    };

    /// <summary>
    /// Reads the settings from the configuration and the given flag values (null: not given); throws
    /// <see cref="CliInputException"/> naming each flag or key (and its source) whose value is wrong or missing.
    /// </summary>
    public static RunClusterSettings Read(string? clustering, string? redis, string? clusterId)
    {
        var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in new[] { ("Clustering", clustering), ("Redis", redis), ("ClusterId", clusterId) })
        {
            if (value is not null)
            {
                flags[$"{Section}:{key}"] = value;
            }
        }

        var configuration = ConfigurationErrors.Build(() => SiloHandler.BuildConfiguration(flags));
        var reader = new SettingReader(configuration, Flags);
        var settings = new RunClusterSettings(
            reader.Text($"{Section}:Clustering")?.Trim().ToLowerInvariant() ?? "localhost",
            reader.Text($"{Section}:Redis")?.Trim(),
            reader.Text($"{Section}:ClusterId")?.Trim());
        var problems = ClusterSettings.Problems(
            settings.Clustering,
            reader.Label($"{Section}:Clustering"),
            settings.Redis,
            reader.Label($"{Section}:Redis"),
            settings.ClusterId,
            reader.Label($"{Section}:ClusterId"),
            "the id the cluster's silos were started with");
        return problems.Count > 0 ? throw new CliInputException(problems) : settings;
    }
}
