namespace AgentSim.Model.Queues;

/// <summary>
/// The Erlang A model (M/M/c+M: Poisson arrivals, exponential handle times and exponential patience; Palm 1943,
/// Garnett, Mandelbaum &amp; Reiman 2002, "Designing a Call Center with Impatient Customers", MSOM 4(3)). Computed from
/// the birth–death stationary distribution — birth rate λ, death rate min(n, c)/h + max(n − c, 0)/p — summed in log
/// space until the terms fall below 1e−18 of the largest (exact to double precision), rather than from the closed form
/// with incomplete gamma functions.
/// </summary>
public static class ErlangA
{
    private const int MaxStates = 50_000_000;

    /// <summary>Stationary P(wait), P(abandon), mean wait and mean queue length.</summary>
    /// <param name="servers">Servers c, at least 1.</param>
    /// <param name="arrivalsPerSecond">Arrival rate λ per second.</param>
    /// <param name="meanHandleSeconds">Mean handle time h in seconds.</param>
    /// <param name="meanPatienceSeconds">Mean patience p in seconds; infinity gives Erlang C (then a &lt; c is required).</param>
    public static ErlangAResult Compute(int servers, double arrivalsPerSecond, double meanHandleSeconds, double meanPatienceSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(arrivalsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(meanHandleSeconds);
        var mu = 1 / meanHandleSeconds;
        var theta = double.IsPositiveInfinity(meanPatienceSeconds) ? 0 : 1 / meanPatienceSeconds;
        if (theta == 0 && arrivalsPerSecond * meanHandleSeconds >= servers)
        {
            throw new ArgumentOutOfRangeException(nameof(arrivalsPerSecond), "without abandonment the load must be below the servers");
        }

        // Pass 1: the largest log-term; pass 2: the sums relative to it.
        var maxLog = 0.0;
        var log = 0.0;
        var n = 0;
        while (n < MaxStates)
        {
            n++;
            log += Math.Log(arrivalsPerSecond / DeathRate(n, servers, mu, theta));
            maxLog = Math.Max(maxLog, log);
            if (n > servers && log < maxLog - 41.5)
            {
                break;
            }
        }

        var last = n;
        double total = Math.Exp(-maxLog), busy = 0, queue = 0;
        log = 0;
        for (n = 1; n <= last; n++)
        {
            log += Math.Log(arrivalsPerSecond / DeathRate(n, servers, mu, theta));
            var p = Math.Exp(log - maxLog);
            total += p;
            if (n >= servers)
            {
                busy += p;
                queue += (n - servers) * p;
            }
        }

        var meanQueue = queue / total;
        return new ErlangAResult(busy / total, theta * meanQueue / arrivalsPerSecond, meanQueue / arrivalsPerSecond, meanQueue);
    }

    private static double DeathRate(int n, int servers, double mu, double theta) =>
        (Math.Min(n, servers) * mu) + (Math.Max(n - servers, 0) * theta);
}
