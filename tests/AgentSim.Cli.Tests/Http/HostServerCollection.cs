namespace AgentSim.Cli.Tests.Http;

/// <summary>
/// Tests that start a silo with an HTTP endpoint run one at a time, after the parallel tests: the Prometheus exporter
/// listens to every AgentSim meter in the process, and the fuzz test's request rate should not depend on what else runs.
/// </summary>
[CollectionDefinition(nameof(HostServerCollection), DisableParallelization = true)]
public sealed class HostServerCollection;
