using AgentSim.Model.Channels;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Faults;

/// <summary>
/// The scripted faults of a run and the one query every effect uses: which faults hit a request at a time, provider,
/// layer and channel. Immutable; shared by every shard.
/// </summary>
public sealed class FaultSchedule
{
    private static readonly FaultKind[] Spoiling = [.. FaultKinds.All.Where(k => k.Effect == MessageEffect.Spoils).Select(k => k.Kind)];
    private static readonly FaultKind[] Duplicating = [.. FaultKinds.All.Where(k => k.Effect == MessageEffect.Duplicates).Select(k => k.Kind)];

    private readonly FaultWindow[] _windows;

    /// <summary>Creates a schedule; targets a kind does not allow (see <see cref="FaultKinds"/>) are dropped.</summary>
    public FaultSchedule(IEnumerable<FaultWindow> windows)
    {
        _windows = [.. windows.Select(Scoped)];
        ActsOnMessages = _windows.Any(w => FaultKinds.Of(w.Kind).ActsOnMessages);
    }

    /// <summary>The compiled faults.</summary>
    public IReadOnlyList<FaultWindow> Windows => _windows;

    /// <summary>True when some fault acts on messages (so turns must draw for them).</summary>
    public bool ActsOnMessages { get; }

    /// <summary>Whether a fault of <paramref name="kind"/> is in force at <paramref name="t"/> for this provider, layer and channel.</summary>
    public bool Active(FaultKind kind, long t, int provider = -1, int guardrail = -1, Channel? channel = null)
    {
        foreach (ref readonly var f in _windows.AsSpan())
        {
            if (f.Hits(kind, t, provider, guardrail, channel))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Degradation of a provider at <paramref name="t"/> on a channel: added error rate and latency, summed over faults in force.</summary>
    public (double ErrorRate, long AddedMicros) Degradation(long t, int provider, Channel channel)
    {
        double error = 0;
        long added = 0;
        foreach (ref readonly var f in _windows.AsSpan())
        {
            if (f.Hits(FaultKind.ProviderDegradation, t, provider, -1, channel))
            {
                error += f.ErrorRate;
                added += f.AddedMicros;
            }
        }

        return (error, added);
    }

    /// <summary>Share of a provider's requests on a channel that throttling faults answer 429 at <paramref name="t"/> (summed over faults in force, at most 1).</summary>
    public double Throttling(long t, int provider, Channel channel) => MessageRate(FaultKind.ProviderThrottling, t, provider, channel);

    /// <summary>Share of messages a message fault of <paramref name="kind"/> hits at <paramref name="t"/> (summed over faults in force, at most 1).</summary>
    public double MessageRate(FaultKind kind, long t, int provider, Channel channel)
    {
        double rate = 0;
        foreach (ref readonly var f in _windows.AsSpan())
        {
            if (f.Hits(kind, t, provider, -1, channel))
            {
                rate += f.Rate;
            }
        }

        return Math.Min(1, rate);
    }

    /// <summary>Draws what message faults do to one message: every spoiling kind, then every duplicating kind, each one draw.</summary>
    public MessageFaultDraw DrawMessage(long t, int provider, Channel channel, ref Rng rng)
    {
        if (!ActsOnMessages)
        {
            return default;
        }

        var spoiled = false;
        foreach (var kind in Spoiling)
        {
            spoiled |= rng.Chance(MessageRate(kind, t, provider, channel));
        }

        var duplicated = false;
        foreach (var kind in Duplicating)
        {
            duplicated |= rng.Chance(MessageRate(kind, t, provider, channel));
        }

        return new MessageFaultDraw(spoiled, duplicated);
    }

    private static FaultWindow Scoped(FaultWindow w)
    {
        var allows = FaultKinds.Of(w.Kind).Allows;
        return w with
        {
            Provider = allows.HasFlag(FaultScope.Provider) ? w.Provider : -1,
            Guardrail = allows.HasFlag(FaultScope.Guardrail) ? w.Guardrail : -1,
            Channel = allows.HasFlag(FaultScope.Channel) ? w.Channel : null,
        };
    }
}
