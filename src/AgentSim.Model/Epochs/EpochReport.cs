namespace AgentSim.Model.Epochs;

/// <summary>What a shard tells the coordinator at the end of an epoch. Merging is commutative, so shard order never matters.</summary>
public sealed class EpochReport
{
    /// <summary>Creates an empty report sized for a world.</summary>
    public EpochReport(int agents, int providers)
    {
        ProviderRequests = new long[providers];
        HumanDemand = new long[agents];
        IncidentTimes = [.. Enumerable.Range(0, agents).Select(_ => new List<long>())];
        FailureTimes = [.. Enumerable.Range(0, agents).Select(_ => new List<long>())];
    }

    /// <summary>Per provider: requests sent this epoch.</summary>
    public long[] ProviderRequests { get; }

    /// <summary>Per agent: fallback conversations sent to the human queue this epoch.</summary>
    public long[] HumanDemand { get; }

    /// <summary>Per agent: detection instants (µs) of incidents that will be detected.</summary>
    public List<long>[] IncidentTimes { get; }

    /// <summary>Per agent: instants (µs) of failed conversations.</summary>
    public List<long>[] FailureTimes { get; }

    /// <summary>Conversations started this epoch.</summary>
    public long Started { get; set; }

    /// <summary>Conversations ended this epoch.</summary>
    public long Ended { get; set; }

    /// <summary>Conversations still in flight at the end of the epoch.</summary>
    public long InFlight { get; set; }

    /// <summary>Adds another report into this one.</summary>
    public void Add(EpochReport other)
    {
        for (var i = 0; i < ProviderRequests.Length; i++)
        {
            ProviderRequests[i] += other.ProviderRequests[i];
        }

        for (var i = 0; i < HumanDemand.Length; i++)
        {
            HumanDemand[i] += other.HumanDemand[i];
            IncidentTimes[i].AddRange(other.IncidentTimes[i]);
            FailureTimes[i].AddRange(other.FailureTimes[i]);
        }

        Started += other.Started;
        Ended += other.Ended;
        InFlight += other.InFlight;
    }
}
