using AgentSim.Model.Queues;

namespace AgentSim.Model.Epochs;

/// <summary>What a shard tells the coordinator at the end of an epoch. Merging is commutative, so shard order never matters.</summary>
public sealed class EpochReport
{
    /// <summary>Creates an empty report sized for a world's agents, providers and human queues.</summary>
    public EpochReport(int agents, int providers, int queues = 1)
    {
        ProviderRequests = new long[providers];
        AgentTurns = new long[agents];
        AgentAnswerMicros = new long[agents];
        IncidentTimes = [.. Enumerable.Range(0, agents).Select(_ => new List<long>())];
        FailureTimes = [.. Enumerable.Range(0, agents).Select(_ => new List<long>())];
        Handovers = [.. Enumerable.Range(0, queues).Select(_ => new List<QueueArrival>())];
    }

    /// <summary>Per provider: requests sent this epoch.</summary>
    public long[] ProviderRequests { get; }

    /// <summary>Per agent: answers its deployment gave this epoch (the offered load's count).</summary>
    public long[] AgentTurns { get; }

    /// <summary>Per agent: the summed answer time of those answers, µs (the offered load's work).</summary>
    public long[] AgentAnswerMicros { get; }

    /// <summary>Per agent: detection instants (µs) of incidents that will be detected.</summary>
    public List<long>[] IncidentTimes { get; }

    /// <summary>Per agent: instants (µs) of failed conversations.</summary>
    public List<long>[] FailureTimes { get; }

    /// <summary>Per human queue: conversations handed to a human this epoch (each at an instant within the epoch).</summary>
    public List<QueueArrival>[] Handovers { get; }

    /// <summary>Conversations started this epoch.</summary>
    public long Started { get; set; }

    /// <summary>Conversations that ended in the shard this epoch (those handed to a human end in their queue).</summary>
    public long Ended { get; set; }

    /// <summary>Conversations in flight at the end of the epoch, handovers not yet due included.</summary>
    public long InFlight { get; set; }

    /// <summary>Adds another report into this one.</summary>
    public void Add(EpochReport other)
    {
        for (var i = 0; i < ProviderRequests.Length; i++)
        {
            ProviderRequests[i] += other.ProviderRequests[i];
        }

        for (var i = 0; i < IncidentTimes.Length; i++)
        {
            AgentTurns[i] += other.AgentTurns[i];
            AgentAnswerMicros[i] += other.AgentAnswerMicros[i];
            IncidentTimes[i].AddRange(other.IncidentTimes[i]);
            FailureTimes[i].AddRange(other.FailureTimes[i]);
        }

        for (var q = 0; q < Handovers.Length; q++)
        {
            Handovers[q].AddRange(other.Handovers[q]);
        }

        Started += other.Started;
        Ended += other.Ended;
        InFlight += other.InFlight;
    }
}
