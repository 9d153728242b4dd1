using AgentSim.Model.Channels;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Conversations;

/// <summary>
/// Time matters to customers (docs/model.md, step 7): on a channel with a turn tolerance the customer waits for each answer
/// and hangs up when it takes longer than a tolerance drawn for that turn from an exponential with the channel's mean (a
/// constant hazard per second of waiting, like a human queue's patience); a customer who stays is frustrated in proportion
/// to the wait. Pure computation over one conversation's stream, the same in every engine.
/// </summary>
public sealed class TurnTolerance
{
    private readonly double[] _meanSeconds;
    private readonly double _frustrationPerTolerance;

    /// <summary>Compiles per-channel means (seconds; channels not listed have no tolerance).</summary>
    public TurnTolerance(IReadOnlyDictionary<Channel, double> meanSeconds, double frustrationPerTolerance)
    {
        _meanSeconds = [.. ChannelInfo.All.Select(c => meanSeconds.TryGetValue(c, out var m) ? m : 0)];
        _frustrationPerTolerance = frustrationPerTolerance;
    }

    /// <summary>The mean tolerance of a channel in seconds, 0 when it has none.</summary>
    public double MeanSeconds(Channel channel) => _meanSeconds[(int)channel];

    /// <summary>
    /// The customer of <paramref name="c"/> waited <paramref name="latencyMicros"/> for an answer: true when they hung up
    /// (the wait exceeded this turn's tolerance); otherwise their frustration grows by the wait over the mean tolerance.
    /// Draws from <paramref name="rng"/> only on a channel with a tolerance.
    /// </summary>
    public bool Exceeded(ConversationState c, long latencyMicros, ref Rng rng)
    {
        var mean = _meanSeconds[(int)c.Channel];
        if (mean <= 0)
        {
            return false;
        }

        var waited = latencyMicros / 1_000_000.0;
        if (waited > rng.Exponential(mean))
        {
            return true;
        }

        c.Frustration += _frustrationPerTolerance * waited / mean;
        return false;
    }
}
