namespace AgentSim.Observability.Tests.Live;

/// <summary>The tests that share one live silo and Prometheus.</summary>
[CollectionDefinition(nameof(LiveStackCollection))]
public sealed class LiveStackCollection : ICollectionFixture<LiveStackFixture>;
