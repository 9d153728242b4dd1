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
}
