namespace AgentSim.LoadTests.Targets;

/// <summary>How one request ended: accepted, or not and why (an HTTP status, an ingress status or an exception type).</summary>
/// <param name="Ok">True when the target accepted the conversation.</param>
/// <param name="Kind">What came back, e.g. <c>202</c>, <c>503</c>, <c>Overloaded</c> or <c>HttpRequestException</c>.</param>
public readonly record struct TargetOutcome(bool Ok, string Kind);
