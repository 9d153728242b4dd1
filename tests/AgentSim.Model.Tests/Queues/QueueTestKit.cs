using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Queues;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Tests.Queues;

/// <summary>Poisson arrivals, epoch-by-epoch runs and replication confidence intervals for the queue tests.</summary>
internal static class QueueTestKit
{
    /// <summary>Student t quantiles at 0.975 for 1..30 degrees of freedom.</summary>
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>A Poisson stream of arrivals at <paramref name="perSecond"/> over [0, horizon), ids from 1.</summary>
    public static List<QueueArrival> Poisson(ulong seed, double perSecond, double horizonSeconds, int tiers = 1)
    {
        var rng = new Rng(seed, 0, Purpose.Arrivals);
        var list = new List<QueueArrival>();
        var t = 0.0;
        long id = 0;
        while (true)
        {
            t += rng.Exponential(1 / perSecond);
            if (t >= horizonSeconds)
            {
                return list;
            }

            list.Add(new QueueArrival(++id, (long)(t * 1e6), (Channel)rng.Next(6), rng.Next(tiers)));
        }
    }

    /// <summary>Runs arrivals through the queue in epochs of <paramref name="epochSeconds"/>, then drains it; returns every decision.</summary>
    public static (List<QueueAnswer> Answered, List<QueueAbandonment> Abandoned) Run(
        HumanQueue queue, IReadOnlyList<QueueArrival> arrivals, double epochSeconds, double drainSeconds = 1e6)
    {
        var epochMicros = (long)(epochSeconds * 1e6);
        var answered = new List<QueueAnswer>();
        var abandoned = new List<QueueAbandonment>();
        var sorted = arrivals.OrderBy(a => a.ArrivalMicros).ThenBy(a => a.ConversationId).ToList();
        var next = 0;
        var last = sorted.Count == 0 ? 0 : sorted[^1].ArrivalMicros;
        var end = 0L;
        var batch = new List<QueueArrival>();
        while (end <= last)
        {
            end += epochMicros;
            batch.Clear();
            while (next < sorted.Count && sorted[next].ArrivalMicros < end)
            {
                batch.Add(sorted[next++]);
            }

            Collect(queue.Advance(batch, end), answered, abandoned);
        }

        Collect(queue.Advance([], end + (long)(drainSeconds * 1e6)), answered, abandoned);
        return (answered, abandoned);
    }

    /// <summary>The mean of the replications and the half-width of its 95% Student-t confidence interval.</summary>
    public static (double Mean, double HalfWidth) Interval(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        return (mean, T975[n - 2] * Math.Sqrt(variance / n));
    }

    /// <summary>A queue configuration with exponential handle time and optional exponential patience.</summary>
    public static HumanQueueConfig Config(int? servers, double meanHandleSeconds, double? meanPatienceSeconds = null) => new()
    {
        Name = "test",
        Servers = servers,
        HandleTime = DurationSpec.Exponential(meanHandleSeconds),
        Patience = meanPatienceSeconds is { } p ? PatienceSpec.Exponential(p) : null,
    };

    private static void Collect(QueueEpochResult result, List<QueueAnswer> answered, List<QueueAbandonment> abandoned)
    {
        answered.AddRange(result.Answered);
        abandoned.AddRange(result.Abandoned);
    }
}
