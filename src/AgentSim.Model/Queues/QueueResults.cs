namespace AgentSim.Model.Queues;

/// <summary>One human queue's standard contact-centre figures, as results.json reports them under <c>queues.&lt;name&gt;</c> (snake_case keys).</summary>
public sealed record QueueResults
{
    /// <summary>Servers (human agents); null when unlimited.</summary>
    public required int? Servers { get; init; }

    /// <summary>Customers who joined the queue.</summary>
    public required long Offered { get; init; }

    /// <summary>Offered customers per second of simulated time.</summary>
    public required double OfferedPerSecond { get; init; }

    /// <summary>Mean handle time of answered customers, seconds.</summary>
    public required double MeanHandleSeconds { get; init; }

    /// <summary>Customers a human answered.</summary>
    public required long Answered { get; init; }

    /// <summary>Customers who left before being answered.</summary>
    public required long Abandoned { get; init; }

    /// <summary>Share of answered and abandoned customers who found every server busy.</summary>
    public required double WaitProbability { get; init; }

    /// <summary>Mean wait of answered customers (average speed of answer), seconds.</summary>
    public required double MeanWaitSeconds { get; init; }

    /// <summary>90th percentile of the waits of answered customers, seconds.</summary>
    public required double WaitP90Seconds { get; init; }

    /// <summary>Answered within the service-level threshold over answered plus abandoned.</summary>
    public required double ServiceLevel { get; init; }

    /// <summary>Busy server time over servers × simulated time; 0 with unlimited servers.</summary>
    public required double Occupancy { get; init; }
}
