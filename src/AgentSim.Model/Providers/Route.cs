namespace AgentSim.Model.Providers;

/// <summary>Primary and failover provider indices of a channel (-1 for none).</summary>
/// <param name="Primary">The provider tried first, or -1 when the channel is not routed.</param>
/// <param name="Failover">The provider tried when the primary fails, or -1.</param>
public readonly record struct Route(int Primary, int Failover);
