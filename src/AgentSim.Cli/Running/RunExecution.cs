using AgentSim.Model.Engine;

namespace AgentSim.Cli.Running;

/// <summary>What running an engine produced, with its wall-clock timing.</summary>
/// <param name="Outcome">The engine's totals.</param>
/// <param name="StartedAt">Wall-clock instant the engine started.</param>
/// <param name="EndedAt">Wall-clock instant it finished.</param>
/// <param name="HostStartup">Time spent starting the silo and endpoint before the engine.</param>
public sealed record RunExecution(RunOutcome Outcome, DateTimeOffset StartedAt, DateTimeOffset EndedAt, TimeSpan HostStartup)
{
    /// <summary>Wall-clock duration of the engine run.</summary>
    public TimeSpan Duration => EndedAt - StartedAt;
}
