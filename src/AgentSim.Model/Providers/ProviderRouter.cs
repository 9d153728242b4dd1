using AgentSim.Model.Channels;
using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Faults;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Guardrails.Checks;
using AgentSim.Model.Guardrails.Layers;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Providers;

/// <summary>
/// Sends a turn to a provider: the channel's primary, then its failover when the primary is unavailable, throttles or
/// errs. A provider is unavailable when it does not carry the channel, is down this epoch or is in an outage fault (of
/// the world's <paramref name="timeline"/>, or of the snapshot's faults on the real-time clock); degradation adds latency
/// and errors, a throttling fault answers a share 429; a provider without AI integration adds the team's connector; throttling follows
/// the epoch's quota unless a rate-limit layer holds the request instead, and the provider's latency is stretched by the
/// utilisation of its quota in the previous epoch (<see cref="ProviderRuntime"/>). Not thread-safe: one per shard.
/// </summary>
public sealed class ProviderRouter(Route[] routes, ProviderModel[] providers, GuardrailModel[] layers, FaultSchedule timeline, ISimulationObserver observer)
{
    private readonly GuardrailModel[] _rateLimits = [.. layers.Where(g => g.Check is RateLimitCheck)];

    /// <summary>The provider that carried the turn, or -1 when every provider tried failed; adds their latency.</summary>
    public int Route(Channel channel, EpochSnapshot snapshot, EpochReport report, long t, ref Rng rng, ref long latencyMicros)
    {
        var route = routes[(int)channel];
        if (Try(route.Primary, channel, snapshot, report, t, ref rng, ref latencyMicros) == ProviderResult.Ok)
        {
            return route.Primary;
        }

        if (route.Failover >= 0 && Try(route.Failover, channel, snapshot, report, t, ref rng, ref latencyMicros) == ProviderResult.Ok)
        {
            return route.Failover;
        }

        return -1;
    }

    private ProviderResult Try(int p, Channel channel, EpochSnapshot snapshot, EpochReport report, long t, ref Rng rng, ref long latencyMicros)
    {
        if (p < 0)
        {
            return ProviderResult.Unavailable;
        }

        var provider = providers[p];
        var faults = snapshot.Faults ?? timeline;
        report.ProviderRequests[p]++;
        var result = ProviderResult.Unavailable;
        if (provider.Carries(channel) && !snapshot.ProviderDown[p] && !faults.Active(FaultKind.ProviderOutage, t, p, channel: channel))
        {
            var (extraError, extraLatency) = faults.Degradation(t, p, channel);
            latencyMicros += (long)(provider.Latency(channel).SampleMicros(ref rng) * snapshot.ProviderLatencyFactor[p])
                + (extraLatency > 0 ? (long)(extraLatency * rng.Uniform(0.5, 1.5)) : 0);
            var errorRate = provider.Config.ErrorRate + extraError;
            if (!provider.Config.AiIntegration)
            {
                latencyMicros += provider.ConnectorLatency.SampleMicros(ref rng);
                errorRate += provider.Config.ConnectorErrorRate;
            }

            // Virtual time throttles the share of requests the previous epoch's demand put over the quota; the real-time
            // clock asks the quota's token bucket (and a rate-limit layer's retries still follow the epoch's estimate).
            // A provider_throttling fault answers its share 429 on top of that (drawn only while one is in force, so a
            // scenario without one draws exactly as before).
            var faulted = faults.Throttling(t, p, channel);
            var throttle = faulted > 0 ? 1 - ((1 - snapshot.ProviderThrottle[p]) * (1 - faulted)) : snapshot.ProviderThrottle[p];
            var throttled = snapshot.Live is { } live ? (faulted > 0 && rng.Chance(faulted)) || !live.TryAcquireProvider(p) : rng.Chance(throttle);
            result = throttled && !Held(channel, provider, throttle, ref rng, ref latencyMicros)
                ? ProviderResult.Throttled
                : ProviderResult.Ok;
            if (result == ProviderResult.Ok && rng.Chance(errorRate))
            {
                result = ProviderResult.Error;
            }
        }

        observer.ProviderRequest(p, channel, result);
        return result;
    }

    // A rate-limit layer covering the request holds it, retrying after the provider's stated retry-after, instead of letting a 429 through.
    private bool Held(Channel channel, ProviderModel provider, double throttle, ref Rng rng, ref long latencyMicros)
    {
        foreach (var g in _rateLimits)
        {
            if (g.Covers(channel, provider.Index))
            {
                var wait = RateLimitCheck.HoldMicros(g.Latency, provider.RetryAfterMicros, throttle, ref rng, out var admitted);
                latencyMicros += wait;
                observer.GuardrailCheck(g.Index, CheckResult.Block, wait);
                return admitted;
            }
        }

        return false;
    }
}
