namespace AgentSim.Model.Randomness;

/// <summary>What a random stream is for; part of every stream's seed so streams never overlap.</summary>
public enum Purpose : ulong
{
    /// <summary>A conversation's own decisions.</summary>
    Conversation = 1,

    /// <summary>A customer's behavioural traits.</summary>
    Customer = 2,

    /// <summary>A customer's Bogus profile.</summary>
    CustomerProfile = 3,

    /// <summary>Arrival counts per epoch.</summary>
    Arrivals = 4,

    /// <summary>Arrival instant of one conversation within its epoch.</summary>
    ArrivalTime = 5,

    /// <summary>A provider's random outages.</summary>
    ProviderOutage = 6,

    /// <summary>A guardrail layer's random outages.</summary>
    GuardrailOutage = 7,

    /// <summary>Enterprise draws in the population experiment.</summary>
    Enterprise = 8,

    /// <summary>A customer's handle time and patience in a human queue.</summary>
    HumanQueue = 9,

    /// <summary>
    /// A conversation's guardrail draws (misses, false positives, layer errors, audit detection): apart from the
    /// conversation's own stream, so adding, removing or moving a layer leaves the customer's and the agent's draws as they
    /// were (common random numbers across the variants of a comparison).
    /// </summary>
    Guardrail = 10,
}
