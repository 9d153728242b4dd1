namespace AgentSim.Model.Faults;

/// <summary>What a fault that acts on messages does to the message it hits.</summary>
public enum MessageEffect
{
    /// <summary>It does not act on messages.</summary>
    None,

    /// <summary>The message arrives spoiled (cut short, garbled): the agent answers a fragment and the customer sends it again.</summary>
    Spoils,

    /// <summary>The message arrives twice: the agent answers twice, costing time and patience.</summary>
    Duplicates,
}
