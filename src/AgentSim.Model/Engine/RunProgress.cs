namespace AgentSim.Model.Engine;

/// <summary>Progress of a run after an epoch.</summary>
/// <param name="Started">Conversations started so far.</param>
/// <param name="Ended">Conversations ended so far.</param>
/// <param name="Target">Conversations the run will start.</param>
/// <param name="SimulatedSeconds">Simulated time reached.</param>
public readonly record struct RunProgress(long Started, long Ended, long Target, double SimulatedSeconds);
