using AgentSim.Model.Engine;

namespace AgentSim.Abstractions.Messages;

/// <summary>Where a run stands after an epoch.</summary>
/// <param name="Started">Conversations started so far.</param>
/// <param name="Ended">Conversations ended so far.</param>
/// <param name="Target">Conversations the run will start.</param>
/// <param name="SimulatedSeconds">Simulated time reached.</param>
/// <param name="Epochs">Epochs run so far.</param>
/// <param name="Done">True when every conversation has started and ended.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.StepResult")]
public sealed record StepResult(
    [property: Id(0)] long Started,
    [property: Id(1)] long Ended,
    [property: Id(2)] long Target,
    [property: Id(3)] double SimulatedSeconds,
    [property: Id(4)] int Epochs,
    [property: Id(5)] bool Done)
{
    /// <summary>The model's progress record.</summary>
    public RunProgress ToProgress() => new(Started, Ended, Target, SimulatedSeconds);
}
