namespace AgentSim.Cli.Tests.Cluster;

/// <summary>The tests that start real silo processes and time membership: run alone, so the timings are of the cluster, not of other tests.</summary>
[CollectionDefinition(nameof(ClusterCollection), DisableParallelization = true)]
public sealed class ClusterCollection;
