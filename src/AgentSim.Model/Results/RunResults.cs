using AgentSim.Model.Queues;

namespace AgentSim.Model.Results;

/// <summary>The simulated outcomes of a run: what results.json holds. Only simulated quantities, so the same scenario and seed give the same bytes.</summary>
public sealed record RunResults
{
    /// <summary>Scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Run seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>Conversations started.</summary>
    public required long Conversations { get; init; }

    /// <summary>Simulated time covered, seconds.</summary>
    public required double SimulatedSeconds { get; init; }

    /// <summary>Guardrail placement of the scenario: platform-native, application-only or defense-in-depth when every kind is placed alike, mixed when kinds differ, none.</summary>
    public required string Placement { get; init; }

    /// <summary>Where each guardrail kind's layers sit: platform, application or both.</summary>
    public required SortedDictionary<string, string> PlacementByKind { get; init; }

    /// <summary>Conversations by outcome.</summary>
    public required SortedDictionary<string, long> Outcomes { get; init; }

    /// <summary>Share of conversations by outcome.</summary>
    public required SortedDictionary<string, double> OutcomeShares { get; init; }

    /// <summary>Abandoned conversations by reason (<c>repeats</c>, <c>frustration</c>, <c>turn_tolerance</c>, <c>queue</c>); they add up to the abandoned outcome.</summary>
    public required SortedDictionary<string, long> Abandonment { get; init; }

    /// <summary>Rollbacks.</summary>
    public required RollbackResults Rollbacks { get; init; }

    /// <summary>Channel switching and context continuity.</summary>
    public required ContextResults Context { get; init; }

    /// <summary>Incidents by kind.</summary>
    public required IncidentResults Incidents { get; init; }

    /// <summary>PII leaks (pii_leak incidents) by channel.</summary>
    public required SortedDictionary<string, long> LeaksByChannel { get; init; }

    /// <summary>Turn latency by channel.</summary>
    public required SortedDictionary<string, ChannelLatency> Latency { get; init; }

    /// <summary>Per guardrail layer.</summary>
    public required SortedDictionary<string, GuardrailResults> Guardrails { get; init; }

    /// <summary>Provider requests by provider and result.</summary>
    public required SortedDictionary<string, SortedDictionary<string, long>> Providers { get; init; }

    /// <summary>Agent deployments by name: load, utilisation of the concurrency limit and waits for a free slot.</summary>
    public required SortedDictionary<string, AgentLoadResults> Agents { get; init; }

    /// <summary>Providers by name: offered requests per second and utilisation of the quota.</summary>
    public required SortedDictionary<string, ProviderLoadResults> ProviderLoad { get; init; }

    /// <summary>Engineering effort the scenario implies, person-weeks.</summary>
    public required EffortResults Effort { get; init; }

    /// <summary>Human queues by name: offered, answered, abandoned, waits, service level, occupancy.</summary>
    public required SortedDictionary<string, QueueResults> Queues { get; init; }
}

/// <summary>Rollback figures.</summary>
public sealed record RollbackResults
{
    /// <summary>Rollbacks in the run.</summary>
    public required long Total { get; init; }

    /// <summary>Rollbacks per 1,000 conversations.</summary>
    public required double PerThousandConversations { get; init; }

    /// <summary>Share of agents rolled back at least once (the survey's "rolled back an agent").</summary>
    public required double AgentsRolledBackShare { get; init; }

    /// <summary>Rollbacks by agent and reason.</summary>
    public required SortedDictionary<string, SortedDictionary<string, long>> ByAgent { get; init; }
}

/// <summary>Context continuity figures.</summary>
public sealed record ContextResults
{
    /// <summary>Channel switches.</summary>
    public required long Switches { get; init; }

    /// <summary>Context losses (including losses on failover between providers).</summary>
    public required long Losses { get; init; }

    /// <summary>Losses / switches.</summary>
    public required double LossRate { get; init; }

    /// <summary>Losses by what was meant to carry context.</summary>
    public required SortedDictionary<string, long> LossesByContinuity { get; init; }

    /// <summary>Turns in which the customer repeated themselves.</summary>
    public required long Repeats { get; init; }

    /// <summary>Repeats per conversation.</summary>
    public required double RepeatRate { get; init; }

    /// <summary>Switch counts, from → to.</summary>
    public required SortedDictionary<string, SortedDictionary<string, long>> SwitchMatrix { get; init; }
}

/// <summary>Incident figures.</summary>
public sealed record IncidentResults
{
    /// <summary>Incidents in all.</summary>
    public required long Total { get; init; }

    /// <summary>Incidents detected.</summary>
    public required long Detected { get; init; }

    /// <summary>Incidents per 1,000 conversations.</summary>
    public required double PerThousandConversations { get; init; }

    /// <summary>By kind.</summary>
    public required SortedDictionary<string, IncidentKindResults> ByKind { get; init; }
}

/// <summary>One incident kind.</summary>
public sealed record IncidentKindResults
{
    /// <summary>Incidents.</summary>
    public required long Total { get; init; }

    /// <summary>Detected.</summary>
    public required long Detected { get; init; }

    /// <summary>Detected / total.</summary>
    public required double DetectedShare { get; init; }

    /// <summary>Median time to detect, seconds.</summary>
    public required double TimeToDetectP50Seconds { get; init; }

    /// <summary>Mean time to detect, seconds.</summary>
    public required double TimeToDetectMeanSeconds { get; init; }

    /// <summary>By channel.</summary>
    public required SortedDictionary<string, long> ByChannel { get; init; }
}

/// <summary>Latency of one channel.</summary>
public sealed record ChannelLatency
{
    /// <summary>Turns.</summary>
    public required long Turns { get; init; }

    /// <summary>Median turn latency, ms.</summary>
    public required double P50Ms { get; init; }

    /// <summary>99th-percentile turn latency, ms.</summary>
    public required double P99Ms { get; init; }

    /// <summary>Mean latency guardrails added per turn, ms.</summary>
    public required double GuardrailAddedMeanMs { get; init; }

    /// <summary>99th percentile of latency guardrails added per turn, ms.</summary>
    public required double GuardrailAddedP99Ms { get; init; }
}

/// <summary>One guardrail layer.</summary>
public sealed record GuardrailResults
{
    /// <summary>Kind.</summary>
    public required string Kind { get; init; }

    /// <summary>Placement.</summary>
    public required string Placement { get; init; }

    /// <summary>Stage.</summary>
    public required string Stage { get; init; }

    /// <summary>Checks by result.</summary>
    public required SortedDictionary<string, long> Checks { get; init; }

    /// <summary>Median check latency, ms.</summary>
    public required double LatencyP50Ms { get; init; }

    /// <summary>99th-percentile check latency, ms.</summary>
    public required double LatencyP99Ms { get; init; }
}

/// <summary>Build effort implied by the scenario.</summary>
public sealed record EffortResults
{
    /// <summary>Application guardrail layers the team builds (custom guardrails).</summary>
    public required int ApplicationGuardrails { get; init; }

    /// <summary>Channels those layers must cover, summed over layers (a layer on three channels counts three).</summary>
    public required int ApplicationGuardrailChannels { get; init; }

    /// <summary>Application guardrail layers × channels they cover × weeks per channel.</summary>
    public required double ApplicationGuardrailWeeks { get; init; }

    /// <summary>Channel pairs the team's context store covers.</summary>
    public required int ContextStorePairs { get; init; }

    /// <summary>Context-store pairs × weeks per pair.</summary>
    public required double ContextStoreWeeks { get; init; }
}
