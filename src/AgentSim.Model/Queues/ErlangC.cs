namespace AgentSim.Model.Queues;

/// <summary>
/// The Erlang C formulas for the M/M/c queue (Poisson arrivals, exponential handle times, c servers, nobody leaves):
/// Erlang B by its stable recursion B(0) = 1, B(k) = aB(k−1)/(k + aB(k−1)), then C = cB/(c − a(1 − B)), with offered
/// load a = λ·h (Gross, Shortle, Thompson &amp; Harris, <i>Fundamentals of Queueing Theory</i>, 4th ed., §2.3).
/// </summary>
public static class ErlangC
{
    /// <summary>P(wait &gt; 0): the probability an arrival finds every server busy; 1 when the queue is unstable (a ≥ c).</summary>
    /// <param name="servers">Servers c, at least 1.</param>
    /// <param name="arrivalsPerSecond">Arrival rate λ per second.</param>
    /// <param name="meanHandleSeconds">Mean handle time h in seconds.</param>
    public static double WaitProbability(int servers, double arrivalsPerSecond, double meanHandleSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        var a = arrivalsPerSecond * meanHandleSeconds;
        if (a >= servers)
        {
            return 1;
        }

        var b = 1.0;
        for (var k = 1; k <= servers; k++)
        {
            b = a * b / (k + (a * b));
        }

        return servers * b / (servers - (a * (1 - b)));
    }

    /// <summary>Mean wait of all arrivals, Wq = C·h/(c − a), in seconds; infinity when unstable.</summary>
    /// <param name="servers">Servers c, at least 1.</param>
    /// <param name="arrivalsPerSecond">Arrival rate λ per second.</param>
    /// <param name="meanHandleSeconds">Mean handle time h in seconds.</param>
    public static double MeanWaitSeconds(int servers, double arrivalsPerSecond, double meanHandleSeconds)
    {
        var a = arrivalsPerSecond * meanHandleSeconds;
        return a >= servers
            ? double.PositiveInfinity
            : WaitProbability(servers, arrivalsPerSecond, meanHandleSeconds) * meanHandleSeconds / (servers - a);
    }

    /// <summary>Service level P(wait ≤ T) = 1 − C·exp(−(c − a)T/h); 0 when unstable.</summary>
    /// <param name="servers">Servers c, at least 1.</param>
    /// <param name="arrivalsPerSecond">Arrival rate λ per second.</param>
    /// <param name="meanHandleSeconds">Mean handle time h in seconds.</param>
    /// <param name="thresholdSeconds">The threshold T in seconds.</param>
    public static double ServiceLevel(int servers, double arrivalsPerSecond, double meanHandleSeconds, double thresholdSeconds)
    {
        var a = arrivalsPerSecond * meanHandleSeconds;
        if (a >= servers)
        {
            return 0;
        }

        var c = WaitProbability(servers, arrivalsPerSecond, meanHandleSeconds);
        return 1 - (c * Math.Exp(-(servers - a) * thresholdSeconds / meanHandleSeconds));
    }
}
