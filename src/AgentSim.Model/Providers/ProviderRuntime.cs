using AgentSim.Model.Randomness;

namespace AgentSim.Model.Providers;

/// <summary>
/// A provider's shared state: random outages, and its quota as a rate. The requests of epoch k set epoch k+1: utilisation
/// ρ = demand ÷ quota; latency stretched by <see cref="LatencyFactorAt"/> (the M/M/1 sojourn-time factor 1/(1 − ρ), capped
/// at <see cref="MaxLatencyFactor"/>); past the quota the excess share 1 − quota/demand of requests is throttled (429).
/// Owned by the provider grain (or the plain loop).
/// </summary>
public sealed class ProviderRuntime
{
    /// <summary>The largest latency stretch: 10×, reached at 90% utilisation and held beyond it.</summary>
    public const double MaxLatencyFactor = 10;

    private readonly ProviderModel _provider;
    private readonly long _epochMicros;
    private readonly OutageProcess _outages;

    /// <summary>Creates the runtime of a provider.</summary>
    public ProviderRuntime(ProviderModel provider, long epochMicros, ulong seed)
    {
        _provider = provider;
        _epochMicros = epochMicros;
        _outages = new OutageProcess(provider.Config.Availability, epochMicros, seed, SeedHash.OfName(provider.Name), Purpose.ProviderOutage);
    }

    /// <summary>Chance a request is throttled in the coming epoch.</summary>
    public double Throttle { get; private set; }

    /// <summary>How much the provider's latency is stretched in the coming epoch (1 = not at all).</summary>
    public double LatencyFactor { get; private set; } = 1;

    /// <summary>The last epoch's demand over the quota (above 1 when it throttles); 0 without a quota.</summary>
    public double Utilisation { get; private set; }

    /// <summary>The latency stretch at utilisation <paramref name="utilisation"/>: 1/(1 − ρ), at most <see cref="MaxLatencyFactor"/> (from ρ = 0.9 on).</summary>
    public static double LatencyFactorAt(double utilisation) =>
        utilisation <= 0 ? 1 : Math.Min(MaxLatencyFactor, 1 / (1 - Math.Min(utilisation, 1 - (1 / MaxLatencyFactor))));

    /// <summary>Whether the provider is down in the epoch starting at <paramref name="epochStart"/>.</summary>
    public bool DownDuring(long epochStart) => _outages.DownDuring(epochStart);

    /// <summary>Takes in the epoch's request count and sets next epoch's utilisation, latency stretch and throttling from it.</summary>
    public void CloseEpoch(long requests)
    {
        var quota = _provider.Config.QuotaPerSecond;
        if (quota <= 0)
        {
            (Throttle, LatencyFactor, Utilisation) = (0, 1, 0);
            return;
        }

        var demand = requests * 1_000_000.0 / _epochMicros;
        Utilisation = demand / quota;
        LatencyFactor = LatencyFactorAt(Utilisation);
        Throttle = demand <= quota ? 0 : 1 - (quota / demand);
    }
}
