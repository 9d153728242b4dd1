using AgentSim.Model.Epochs;

namespace AgentSim.Abstractions.Messages;

/// <summary>Wire form of an <see cref="EpochReport"/>: what one shard tells the coordinator at the end of an epoch.</summary>
[GenerateSerializer, Immutable, Alias("AgentSim.EpochReportMessage")]
public sealed record EpochReportMessage(
    [property: Id(0)] long[] ProviderRequests,
    [property: Id(1)] long[] HumanDemand,
    [property: Id(2)] long[][] IncidentTimes,
    [property: Id(3)] long[][] FailureTimes,
    [property: Id(4)] long Started,
    [property: Id(5)] long Ended,
    [property: Id(6)] long InFlight)
{
    /// <summary>Copies a model report into a message.</summary>
    public static EpochReportMessage From(EpochReport r) => new(
        r.ProviderRequests,
        r.HumanDemand,
        [.. r.IncidentTimes.Select(l => l.ToArray())],
        [.. r.FailureTimes.Select(l => l.ToArray())],
        r.Started,
        r.Ended,
        r.InFlight);

    /// <summary>Turns the message back into a model report.</summary>
    public EpochReport ToModel()
    {
        var report = new EpochReport(HumanDemand.Length, ProviderRequests.Length)
        {
            Started = Started,
            Ended = Ended,
            InFlight = InFlight,
        };
        ProviderRequests.CopyTo(report.ProviderRequests, 0);
        HumanDemand.CopyTo(report.HumanDemand, 0);
        for (var a = 0; a < HumanDemand.Length; a++)
        {
            report.IncidentTimes[a].AddRange(IncidentTimes[a]);
            report.FailureTimes[a].AddRange(FailureTimes[a]);
        }

        return report;
    }
}
