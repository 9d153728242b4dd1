namespace AgentSim.Abstractions.Messages;

/// <summary>
/// A fault injected into a running cluster's real-time traffic: a scenario timeline entry (same kinds, targets and
/// settings, by their wire names) whose window is in wall-clock time, so every silo places it on its own clock.
/// </summary>
/// <param name="Id">Its id, handed out by the registry (0 before).</param>
/// <param name="Kind">Fault kind, by wire name (<c>provider_outage</c>, …).</param>
/// <param name="Provider">Provider it hits, or null.</param>
/// <param name="Channel">Channel it is limited to (wire name), or null for all.</param>
/// <param name="Guardrail">Guardrail layer it hits, or null.</param>
/// <param name="Rate">Share of messages it hits, or of requests it throttles.</param>
/// <param name="ErrorRate">Added error probability per request (degradation).</param>
/// <param name="AddedLatencyMs">Added latency per request in milliseconds (degradation).</param>
/// <param name="StartsAt">When it comes into force.</param>
/// <param name="EndsAt">When it ends (exclusive); set to the time it was ended when ended early.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.RuntimeFault")]
public sealed record RuntimeFault(
    [property: Id(0)] long Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Provider,
    [property: Id(3)] string? Channel,
    [property: Id(4)] string? Guardrail,
    [property: Id(5)] double Rate,
    [property: Id(6)] double ErrorRate,
    [property: Id(7)] double AddedLatencyMs,
    [property: Id(8)] DateTimeOffset StartsAt,
    [property: Id(9)] DateTimeOffset EndsAt)
{
    /// <summary>Where the fault stands at <paramref name="now"/>: <c>scheduled</c>, <c>active</c> or <c>ended</c>.</summary>
    public string StatusAt(DateTimeOffset now) => now >= EndsAt ? "ended" : now < StartsAt ? "scheduled" : "active";
}

/// <summary>The runtime faults the registry knows (in force, scheduled, and the last ones to end), with a version that grows on every change.</summary>
/// <param name="Version">Grows by one on every change; a silo applies a list only when it is newer than the one it has.</param>
/// <param name="Faults">The faults, by id.</param>
/// <param name="Registry">The registry activation that made the list: a registry activated again (its silo lost) starts its versions over, and its lists are applied whatever their version.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.RuntimeFaultList")]
public sealed record RuntimeFaultList(
    [property: Id(0)] long Version,
    [property: Id(1)] RuntimeFault[] Faults,
    [property: Id(2)] string Registry = "");
