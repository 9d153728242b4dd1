using AgentSim.Model.Randomness;

namespace AgentSim.Model.Providers;

/// <summary>A provider's shared state: random outages and quota throttling. Owned by the provider grain (or the plain loop).</summary>
public sealed class ProviderRuntime
{
    private readonly ProviderModel _provider;
    private readonly long _epochMicros;
    private readonly OutageProcess _outages;
    private double _throttle;

    /// <summary>Creates the runtime of a provider.</summary>
    public ProviderRuntime(ProviderModel provider, long epochMicros, ulong seed)
    {
        _provider = provider;
        _epochMicros = epochMicros;
        _outages = new OutageProcess(provider.Config.Availability, epochMicros, seed, SeedHash.OfName(provider.Name), Purpose.ProviderOutage);
    }

    /// <summary>Chance a request is throttled in the coming epoch.</summary>
    public double Throttle => _throttle;

    /// <summary>Whether the provider is down in the epoch starting at <paramref name="epochStart"/>.</summary>
    public bool DownDuring(long epochStart) => _outages.DownDuring(epochStart);

    /// <summary>Takes in the epoch's request count and sets next epoch's throttling from it.</summary>
    public void CloseEpoch(long requests)
    {
        var quota = _provider.Config.QuotaPerSecond;
        if (quota <= 0)
        {
            _throttle = 0;
            return;
        }

        var demand = requests * 1_000_000.0 / _epochMicros;
        _throttle = demand <= quota ? 0 : 1 - (quota / demand);
    }
}
