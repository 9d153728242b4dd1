namespace AgentSim.LoadTests.Driver;

/// <summary>What one scenario measured: its iterations (all steps in order) and each step on its own.</summary>
/// <param name="Name">The scenario.</param>
/// <param name="Weight">Its weight, when scenarios share the load by weight.</param>
/// <param name="Iterations">Iterations that ended.</param>
/// <param name="Ok">Iterations whose every step succeeded.</param>
/// <param name="Errors">Iterations a step failed.</param>
/// <param name="Dropped">Arrivals dropped at the in-flight cap.</param>
/// <param name="Response">Iteration latency: from the scheduled start (open model) or the iteration's start (closed) to its last step's end.</param>
/// <param name="Steps">Each step's counts and latency.</param>
public sealed record ScenarioSummary(string Name, double? Weight, long Iterations, long Ok, long Errors, long Dropped, LatencySummary Response, IReadOnlyList<StepSummary> Steps);

/// <summary>One step's counts and latency (from the step's own send to its answer).</summary>
/// <param name="Name">The step, e.g. <c>start</c>.</param>
/// <param name="Ok">Calls that succeeded.</param>
/// <param name="Errors">Calls that failed.</param>
/// <param name="Latency">Latency of every call.</param>
/// <param name="Outcomes">Calls by what came back.</param>
public sealed record StepSummary(string Name, long Ok, long Errors, LatencySummary Latency, IReadOnlyDictionary<string, long> Outcomes);
