using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Events;
using AgentSim.Model.Faults;
using AgentSim.Model.Providers;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Conversations;

/// <summary>
/// Carries a conversation's context across a channel switch or a failover: natively when the same provider with native
/// context carries both sides; through the application's context store when the team built it for the pair (unless the
/// store is in a scripted outage); otherwise not at all. A loss is reported and marks the conversation.
/// </summary>
public sealed class ContextCarrier
{
    private readonly ContextConfig _config;
    private readonly ProviderModel[] _providers;
    private readonly FaultSchedule _faults;
    private readonly ISimulationObserver _observer;
    private readonly bool[] _storePairs = new bool[ChannelInfo.Count * ChannelInfo.Count];
    private readonly LogNormal _storeLatency;

    /// <summary>Compiles the carrier of a world's context settings.</summary>
    public ContextCarrier(ContextConfig config, ProviderModel[] providers, FaultSchedule faults, ISimulationObserver observer)
    {
        _config = config;
        _providers = providers;
        _faults = faults;
        _observer = observer;
        if (config.Store is { } store)
        {
            foreach (var from in ChannelInfo.All)
            {
                foreach (var to in ChannelInfo.All)
                {
                    _storePairs[((int)from * ChannelInfo.Count) + (int)to] = store.AllPairs || store.Pairs.Contains(new ChannelPair(from, to));
                }
            }

            _storeLatency = store.Latency.ToLogNormal();
        }
    }

    /// <summary>True when the application context store covers the pair.</summary>
    public bool StoreCovers(Channel from, Channel to) => _storePairs[((int)from * ChannelInfo.Count) + (int)to];

    /// <summary>
    /// Moves <paramref name="c"/>'s context from <paramref name="from"/> to <paramref name="to"/> served by provider
    /// <paramref name="toProvider"/>; <paramref name="crossProvider"/> when failover changed provider on the same channel.
    /// Returns the latency of a store lookup (0 otherwise). <paramref name="faults"/>, when given, replaces the world's
    /// timeline (the real-time clock's faults, runtime ones included).
    /// </summary>
    public long Carry(ConversationState c, Channel from, Channel to, int toProvider, long t, ref Rng rng, bool crossProvider = false, FaultSchedule? faults = null)
    {
        var sameProvider = !crossProvider && c.LastProvider == toProvider;
        Continuity continuity;
        bool kept;
        long latency = 0;
        if (sameProvider && _providers[toProvider].Config.NativeContext)
        {
            continuity = Continuity.Native;
            kept = rng.Chance(_config.NativeSuccessRate);
        }
        else if (_config.Store is { } store && StoreCovers(from, to))
        {
            continuity = Continuity.Application;
            latency = _storeLatency.SampleMicros(ref rng);
            kept = !(faults ?? _faults).Active(FaultKind.ContextStoreOutage, t) && rng.Chance(store.SuccessRate);
        }
        else
        {
            continuity = Continuity.None;
            kept = false;
        }

        if (!kept)
        {
            c.ContextLost = true;
            _observer.ContextLoss(from, to, continuity);
        }

        return latency;
    }
}
