using AgentSim.Model.Engine;
using AgentSim.Model.Tallies;

namespace AgentSim.Model.Results;

/// <summary>How busy an agent deployment was over the run and how long its turns waited for a free slot.</summary>
public sealed record AgentLoadResults
{
    /// <summary>Concurrency limit; null when unlimited.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Answers given.</summary>
    public required long Answers { get; init; }

    /// <summary>The largest offered load of an epoch, Erlangs (mean requests in service).</summary>
    public required double PeakBusyErlangs { get; init; }

    /// <summary>The largest offered load of an epoch over the concurrency limit (above 1: overloaded; 0 when unlimited).</summary>
    public required double PeakUtilisation { get; init; }

    /// <summary>Mean utilisation over the epochs in which it answered (0 when unlimited).</summary>
    public required double MeanUtilisation { get; init; }

    /// <summary>Share of answers that waited for a free slot.</summary>
    public required double WaitedShare { get; init; }

    /// <summary>Mean wait for a free slot over all answers, ms.</summary>
    public required double MeanWaitMs { get; init; }
}

/// <summary>How much of its quota a provider's demand used over the run.</summary>
public sealed record ProviderLoadResults
{
    /// <summary>Quota, requests per second (0 = unlimited).</summary>
    public required double QuotaPerSecond { get; init; }

    /// <summary>The largest demand of an epoch over the quota (above 1: throttling; 0 without a quota).</summary>
    public required double PeakUtilisation { get; init; }

    /// <summary>Mean utilisation over the epochs with requests (0 without a quota).</summary>
    public required double MeanUtilisation { get; init; }
}

/// <summary>Builds the capacity sections of results.json from the tally.</summary>
internal static class CapacityResults
{
    /// <summary>Per agent name.</summary>
    public static SortedDictionary<string, AgentLoadResults> Agents(World world, RunTally t)
    {
        var agents = new SortedDictionary<string, AgentLoadResults>(StringComparer.Ordinal);
        foreach (var a in world.Agents)
        {
            var (answers, answerMicros, waited, waitMicros) = t.AgentAnswers(a.Index);
            var load = t.AgentLoadOf(a.Index);
            agents[a.Name] = new AgentLoadResults
            {
                Concurrency = a.Config.Concurrency,
                Answers = answers,
                PeakBusyErlangs = Round(load.PeakBusy),
                PeakUtilisation = Round(load.PeakUtilisation),
                MeanUtilisation = Round(load.MeanUtilisation),
                WaitedShare = answers == 0 ? 0 : Round((double)waited / answers),
                MeanWaitMs = answers == 0 ? 0 : Round(waitMicros / 1e3 / answers),
            };
        }

        return agents;
    }

    /// <summary>Per provider name.</summary>
    public static SortedDictionary<string, ProviderLoadResults> Providers(World world, RunTally t)
    {
        var providers = new SortedDictionary<string, ProviderLoadResults>(StringComparer.Ordinal);
        foreach (var p in world.Providers)
        {
            var load = t.ProviderLoadOf(p.Index);
            providers[p.Name] = new ProviderLoadResults
            {
                QuotaPerSecond = Round(p.Config.QuotaPerSecond),
                PeakUtilisation = Round(load.PeakUtilisation),
                MeanUtilisation = Round(load.MeanUtilisation),
            };
        }

        return providers;
    }

    private static double Round(double x) => Math.Round(x, 6, MidpointRounding.ToEven);
}
