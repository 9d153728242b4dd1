using System.Globalization;
using AgentSim.Abstractions.Messages;
using AgentSim.Host.Hosting;
using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Model.Experiments;

namespace AgentSim.Cli.Running;

/// <summary>
/// Runs an experiment's runs on a cluster through one connected client: each run is a <see cref="RunRequest"/> of the
/// variant's scenario text and the replication's seed, with one shard as in this process, so its results are the
/// in-process run's.
/// </summary>
public static class ClusterExperimentRunner
{
    /// <summary>An <see cref="ExperimentRunner"/> that runs on <paramref name="client"/>'s cluster; <paramref name="prefix"/> starts each run id.</summary>
    public static ExperimentRunner Create(AgentSimClusterClient client, string prefix)
    {
        ArgumentNullException.ThrowIfNull(client);
        var experiment = Guid.NewGuid().ToString("N");
        return async (variant, seed, conversations, cancellation) =>
        {
            ArgumentNullException.ThrowIfNull(variant);
            var text = variant.Text ?? throw new InvalidOperationException($"variant '{variant.Name}' has no scenario text to send to the cluster");

            // Compiled here too, from the same text and seed: its labels read the cluster's totals, as in this process.
            var config = variant.Load();
            config.Seed = seed;
            var world = World.Compile(config);
            var request = new RunRequest(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{experiment}-{Guid.NewGuid():N}"), text.Yaml, text.FileName, seed, conversations, 1);
            var outcome = await client.RunAsync(request, world, null, cancellation);
            return new ExperimentRun(world, outcome);
        };
    }

    /// <summary>
    /// A <see cref="GapRunner"/> that runs on <paramref name="client"/>'s cluster: each enterprise's scenario, built in
    /// code, travels as its configuration's JSON (<see cref="RunRequest.ScenarioJson"/>) with one shard as in this process.
    /// </summary>
    public static GapRunner ForScenarios(AgentSimClusterClient client, string prefix)
    {
        ArgumentNullException.ThrowIfNull(client);
        var experiment = Guid.NewGuid().ToString("N");
        return async (scenario, conversations, cancellation) =>
        {
            ArgumentNullException.ThrowIfNull(scenario);
            var json = ScenarioConfigJson.Serialize(scenario);
            var world = World.Compile(ScenarioConfigJson.Deserialize(json));
            var request = new RunRequest(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{experiment}-{Guid.NewGuid():N}"), "", $"{prefix}:{scenario.Name}", scenario.Seed, conversations, 1, json);
            var outcome = await client.RunAsync(request, world, null, cancellation);
            return new ExperimentRun(world, outcome);
        };
    }
}
