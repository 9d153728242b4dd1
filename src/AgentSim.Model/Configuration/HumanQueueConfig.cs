namespace AgentSim.Model.Configuration;

/// <summary>One human queue of the contact centre (scenario key <c>human_queues</c>): servers, handle time, patience, service level, priority.</summary>
public sealed class HumanQueueConfig
{
    /// <summary>The queue's name, unique in the scenario (agents name their queue with <c>queue: NAME</c>).</summary>
    public string Name { get; set; } = "human";

    /// <summary>Number of human agents (servers), at least 1; null means unlimited (nobody waits).</summary>
    public int? Servers { get; set; }

    /// <summary>How long a human takes to handle a customer once answered.</summary>
    public DurationSpec HandleTime { get; set; } = DurationSpec.Exponential(360);

    /// <summary>How long a waiting customer stays before leaving; null means unlimited (nobody leaves).</summary>
    public PatienceSpec? Patience { get; set; }

    /// <summary>The service-level threshold T in seconds ("answered within T").</summary>
    public double ServiceLevelSeconds { get; set; } = 20;

    /// <summary>Customer tiers served first, highest first; tiers not listed come after them; empty means pure FIFO.</summary>
    public List<string> TierPriority { get; set; } = [];

    /// <summary>True when the queue has no server limit.</summary>
    public bool UnlimitedServers => Servers is null;
}
