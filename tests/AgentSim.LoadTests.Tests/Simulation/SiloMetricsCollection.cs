namespace AgentSim.LoadTests.Tests.Simulation;

/// <summary>
/// Tests that count an in-process silo's metrics exactly: its exporter sees every AgentSim meter in the process, so
/// they run alone, never beside another test that starts a silo (whatever the assembly's own parallelism).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SiloMetricsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "silo metrics, counted exactly";
}
