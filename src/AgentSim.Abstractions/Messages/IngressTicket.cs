namespace AgentSim.Abstractions.Messages;

/// <summary>
/// The answer to a request to start a real-time conversation: accepted with its id, refused because the silo is past
/// its admission limit (try again after <see cref="RetryAfterSeconds"/>), or refused because the request is wrong
/// (<see cref="Problems"/> names each field and what is wrong with it).
/// </summary>
/// <param name="Id">The conversation's id when accepted, else 0.</param>
/// <param name="Status">What happened.</param>
/// <param name="RetryAfterSeconds">When overloaded: how long to wait before trying again, whole seconds.</param>
/// <param name="Problems">When invalid: one line per field, <c>field: what is wrong</c>.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.IngressTicket")]
public sealed record IngressTicket(
    [property: Id(0)] long Id,
    [property: Id(1)] IngressStatus Status,
    [property: Id(2)] int RetryAfterSeconds = 0,
    [property: Id(3)] string[]? Problems = null)
{
    /// <summary>True when the conversation was started.</summary>
    public bool Accepted => Status == IngressStatus.Accepted;
}

/// <summary>What became of a request to start a conversation.</summary>
[GenerateSerializer, Alias("AgentSim.IngressStatus")]
public enum IngressStatus
{
    /// <summary>Started; it runs in real time.</summary>
    Accepted,

    /// <summary>Refused: the silo has as many conversations in flight as its admission limit allows (counted as shed).</summary>
    Overloaded,

    /// <summary>Refused: the request names something the scenario does not have.</summary>
    Invalid,

    /// <summary>Refused: this silo generates no real-time conversations (it was started without a scenario).</summary>
    NoScenario,
}
