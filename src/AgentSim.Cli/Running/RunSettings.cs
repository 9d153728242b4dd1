namespace AgentSim.Cli.Running;

/// <summary>The options of one <c>agentsim run</c>.</summary>
/// <param name="Scenario">A scenario file path or a preset name.</param>
/// <param name="Seed">Seed override, or null for the scenario's seed.</param>
/// <param name="Conversations">Conversations override, or null for the scenario's count.</param>
/// <param name="OutputDirectory">Where results.json, run-info.json, summary.md and report.html go.</param>
/// <param name="MetricsPort">Port of the /metrics endpoint on 127.0.0.1, or null for none.</param>
/// <param name="Parallelism">Shards side by side.</param>
/// <param name="Engine">orleans or loop.</param>
/// <param name="Rate">New conversations per simulated second, overriding the scenario's <c>arrivals.rate_per_second</c>; null keeps it.</param>
/// <param name="Clustering"><c>localhost</c> (an in-process silo) or <c>redis</c> (this process is a client of an existing cluster whose membership is in <paramref name="Redis"/>).</param>
/// <param name="Redis">The Redis server (<c>HOST:PORT</c>) of <c>redis</c> clustering; null otherwise.</param>
/// <param name="ClusterId">The cluster to run on with <c>redis</c> clustering; with <c>localhost</c>, the in-process silo's id (null: a unique one).</param>
public sealed record RunSettings(
    string Scenario,
    ulong? Seed,
    long? Conversations,
    string OutputDirectory,
    int? MetricsPort,
    int Parallelism,
    string Engine,
    double? Rate = null,
    string Clustering = "localhost",
    string? Redis = null,
    string? ClusterId = null)
{
    /// <summary>True when the run goes to an existing cluster as an Orleans client.</summary>
    public bool OnCluster => Clustering == "redis";
}
