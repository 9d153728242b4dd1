namespace AgentSim.Model.Engine;

/// <summary>How much to run and how wide.</summary>
/// <param name="Conversations">Conversations to start.</param>
/// <param name="Parallelism">Shards run side by side; results do not depend on it.</param>
public sealed record RunOptions(long Conversations, int Parallelism = 1);
