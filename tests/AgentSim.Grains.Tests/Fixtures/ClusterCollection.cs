namespace AgentSim.Grains.Tests.Fixtures;

/// <summary>The collection that shares one <see cref="ClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "cluster";
}
