namespace AgentSim.Model.Randomness;

/// <summary>A log-normal latency distribution fitted to a median and a 99th percentile; samples in microseconds.</summary>
public readonly struct LogNormal
{
    private const double Z99 = 2.3263478740408408;
    private readonly double _mu;
    private readonly double _sigma;

    /// <summary>Fits the distribution to p50 and p99 in milliseconds.</summary>
    public LogNormal(double p50Ms, double p99Ms)
    {
        var p50 = Math.Max(p50Ms, 0.001) * 1000.0;
        var p99 = Math.Max(p99Ms * 1000.0, p50);
        _mu = Math.Log(p50);
        _sigma = Math.Log(p99 / p50) / Z99;
        IsZero = p50Ms <= 0;
    }

    /// <summary>True when the distribution is configured as zero latency.</summary>
    public bool IsZero { get; }


    /// <summary>Draws a latency in whole microseconds.</summary>
    public long SampleMicros(ref Rng rng) => IsZero ? 0 : (long)Math.Exp(_mu + (_sigma * rng.Normal()));
}
