namespace AgentSim.LoadTests.Driver;

/// <summary>
/// Open-model arrival times in seconds from the start of a run: constant spacing (<c>inject</c>, arrival n at n ÷ rate)
/// or a Poisson process (<c>inject-random</c>, exponential gaps drawn from a seeded stream, so a seed repeats a run).
/// </summary>
public sealed class ArrivalSchedule
{
    private readonly double _rate;
    private readonly Random? _random;
    private long _n;
    private double _last;

    /// <summary>Creates a schedule of <paramref name="rate"/> arrivals a second.</summary>
    public ArrivalSchedule(double rate, bool poisson, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        _rate = rate;
        _random = poisson ? new Random(seed) : null;
    }

    /// <summary>The next arrival's offset in seconds; offsets never decrease.</summary>
    public double Next()
    {
        if (_random is null)
        {
            return _n++ / _rate;
        }

        var current = _last;
        _last += -Math.Log(1.0 - _random.NextDouble()) / _rate;
        _n++;
        return current;
    }
}
