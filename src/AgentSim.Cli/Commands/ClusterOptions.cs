using System.CommandLine;
using AgentSim.Cli.Running;

namespace AgentSim.Cli.Commands;

/// <summary>
/// <c>--clustering localhost|redis</c>, <c>--redis HOST:PORT</c> and <c>--cluster-id ID</c> of a command that runs
/// simulations besides <c>run</c>: the same names, keys (<c>Run:Clustering</c>, <c>Run:Redis</c>, <c>Run:ClusterId</c>)
/// and checks as <c>agentsim run</c> (<see cref="RunClusterSettings.Read"/>).
/// </summary>
public sealed class ClusterOptions
{
    private ClusterOptions(Option<string> clustering, Option<string> redis, Option<string> clusterId) => (Clustering, Redis, ClusterId) = (clustering, redis, clusterId);

    /// <summary><c>--clustering</c>.</summary>
    public Option<string> Clustering { get; }

    /// <summary><c>--redis</c>.</summary>
    public Option<string> Redis { get; }

    /// <summary><c>--cluster-id</c>.</summary>
    public Option<string> ClusterId { get; }

    /// <summary>
    /// The three options, <paramref name="runs"/> saying what goes to the cluster (e.g. "every run goes") and
    /// <paramref name="clusterIdWithLocalhost"/> what <c>--cluster-id</c> does with localhost clustering.
    /// </summary>
    public static ClusterOptions Create(string runs, string clusterIdWithLocalhost = "unused with localhost")
    {
        var clustering = new Option<string>("--clustering") { Description = $"localhost (default): runs in this process; redis: {runs} on an existing cluster (agentsim silo --clustering redis), this process an Orleans client; results are the same (config key Run:Clustering)." };
        clustering.AcceptOnlyFromAmong("localhost", "redis");
        var redis = new Option<string>("--redis") { Description = "The Redis server holding the cluster's membership, HOST:PORT, with --clustering redis (Run:Redis)." };
        var clusterId = new Option<string>("--cluster-id") { Description = $"The cluster to run on, with --clustering redis; {clusterIdWithLocalhost} (Run:ClusterId)." };
        return new ClusterOptions(clustering, redis, clusterId);
    }

    /// <summary>Reads and checks the settings (flags over configuration); throws <see cref="Validation.CliInputException"/> naming each wrong or missing one.</summary>
    public RunClusterSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return RunClusterSettings.Read(parse.GetValue(Clustering), parse.GetValue(Redis), parse.GetValue(ClusterId));
    }
}
