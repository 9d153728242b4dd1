namespace AgentSim.Model.Configuration;

/// <summary>A random duration: exponential from its mean, or log-normal from its median and 99th percentile.</summary>
public sealed class DurationSpec
{
    /// <summary>Which family the duration is drawn from.</summary>
    public DurationKind Kind { get; set; }

    /// <summary>Mean in seconds, used when <see cref="Kind"/> is <see cref="DurationKind.Exponential"/>.</summary>
    public double MeanSeconds { get; set; }

    /// <summary>Median in milliseconds, used when <see cref="Kind"/> is <see cref="DurationKind.LogNormal"/>.</summary>
    public double P50Ms { get; set; }

    /// <summary>99th percentile in milliseconds, used when <see cref="Kind"/> is <see cref="DurationKind.LogNormal"/>.</summary>
    public double P99Ms { get; set; }

    /// <summary>The distribution's mean in seconds (for a log-normal, exp(μ + σ²/2)).</summary>
    public double Mean => Kind == DurationKind.Exponential
        ? MeanSeconds
        : LogNormalMeanSeconds(P50Ms, P99Ms);

    /// <summary>An exponential duration with the given mean in seconds.</summary>
    public static DurationSpec Exponential(double meanSeconds) => new() { Kind = DurationKind.Exponential, MeanSeconds = meanSeconds };

    /// <summary>A log-normal duration fitted to a median and a 99th percentile in milliseconds.</summary>
    public static DurationSpec LogNormal(double p50Ms, double p99Ms) => new() { Kind = DurationKind.LogNormal, P50Ms = p50Ms, P99Ms = p99Ms };

    private static double LogNormalMeanSeconds(double p50Ms, double p99Ms)
    {
        const double Z99 = 2.3263478740408408;
        if (p50Ms <= 0)
        {
            return 0;
        }

        var sigma = Math.Log(Math.Max(p99Ms, p50Ms) / p50Ms) / Z99;
        return p50Ms / 1000.0 * Math.Exp(sigma * sigma / 2);
    }
}
