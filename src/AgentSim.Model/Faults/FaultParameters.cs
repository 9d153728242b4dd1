namespace AgentSim.Model.Faults;

/// <summary>The numeric settings a fault kind uses besides its window and scope.</summary>
[Flags]
public enum FaultParameters
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Added error probability per request (<c>error_rate</c>).</summary>
    ErrorRate = 1,

    /// <summary>Added latency in milliseconds, with ±50% jitter (<c>added_latency_ms</c>).</summary>
    AddedLatency = 2,

    /// <summary>Share of messages in scope it hits, or of requests a throttling fault answers 429 (<c>rate</c>).</summary>
    Rate = 4,
}
