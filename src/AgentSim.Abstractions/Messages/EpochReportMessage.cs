using AgentSim.Model.Channels;
using AgentSim.Model.Epochs;
using AgentSim.Model.Queues;

namespace AgentSim.Abstractions.Messages;

/// <summary>Wire form of an <see cref="EpochReport"/>: what one shard tells the coordinator at the end of an epoch.</summary>
/// <param name="ProviderRequests">Per provider: requests sent.</param>
/// <param name="IncidentTimes">Per agent: detection instants of incidents charged to it.</param>
/// <param name="FailureTimes">Per agent: instants of failed conversations charged to it.</param>
/// <param name="Started">Conversations started.</param>
/// <param name="Ended">Conversations that ended in the shard.</param>
/// <param name="InFlight">Conversations in flight at the epoch's end.</param>
/// <param name="HandoverIds">Per human queue: ids of the conversations handed over.</param>
/// <param name="HandoverTimes">Per human queue: the instants of those handovers.</param>
/// <param name="HandoverChannels">Per human queue: the channels they were on.</param>
/// <param name="HandoverTiers">Per human queue: the customers' tier indices.</param>
/// <param name="AgentTurns">Per agent: answers given (offered load).</param>
/// <param name="AgentAnswerMicros">Per agent: their summed answer time, µs.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.EpochReportMessage")]
public sealed record EpochReportMessage(
    [property: Id(0)] long[] ProviderRequests,
    [property: Id(2)] long[][] IncidentTimes,
    [property: Id(3)] long[][] FailureTimes,
    [property: Id(4)] long Started,
    [property: Id(5)] long Ended,
    [property: Id(6)] long InFlight,
    [property: Id(7)] long[][] HandoverIds,
    [property: Id(8)] long[][] HandoverTimes,
    [property: Id(9)] int[][] HandoverChannels,
    [property: Id(10)] int[][] HandoverTiers,
    [property: Id(11)] long[] AgentTurns,
    [property: Id(12)] long[] AgentAnswerMicros)
{
    /// <summary>Copies a model report into a message.</summary>
    public static EpochReportMessage From(EpochReport r) => new(
        r.ProviderRequests,
        [.. r.IncidentTimes.Select(l => l.ToArray())],
        [.. r.FailureTimes.Select(l => l.ToArray())],
        r.Started,
        r.Ended,
        r.InFlight,
        [.. r.Handovers.Select(l => l.Select(h => h.ConversationId).ToArray())],
        [.. r.Handovers.Select(l => l.Select(h => h.ArrivalMicros).ToArray())],
        [.. r.Handovers.Select(l => l.Select(h => (int)h.Channel).ToArray())],
        [.. r.Handovers.Select(l => l.Select(h => h.TierIndex).ToArray())],
        r.AgentTurns,
        r.AgentAnswerMicros);

    /// <summary>Turns the message back into a model report.</summary>
    public EpochReport ToModel()
    {
        var report = new EpochReport(IncidentTimes.Length, ProviderRequests.Length, HandoverIds.Length)
        {
            Started = Started,
            Ended = Ended,
            InFlight = InFlight,
        };
        ProviderRequests.CopyTo(report.ProviderRequests, 0);
        AgentTurns.CopyTo(report.AgentTurns, 0);
        AgentAnswerMicros.CopyTo(report.AgentAnswerMicros, 0);
        for (var a = 0; a < IncidentTimes.Length; a++)
        {
            report.IncidentTimes[a].AddRange(IncidentTimes[a]);
            report.FailureTimes[a].AddRange(FailureTimes[a]);
        }

        for (var q = 0; q < HandoverIds.Length; q++)
        {
            for (var i = 0; i < HandoverIds[q].Length; i++)
            {
                report.Handovers[q].Add(new QueueArrival(HandoverIds[q][i], HandoverTimes[q][i], (Channel)HandoverChannels[q][i], HandoverTiers[q][i]));
            }
        }

        return report;
    }
}
