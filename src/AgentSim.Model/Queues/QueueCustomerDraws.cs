using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Queues;

/// <summary>Draws a queued customer's handle time and patience from the customer's own stream (seed, conversation id, <see cref="Purpose.HumanQueue"/>).</summary>
internal sealed class QueueCustomerDraws
{
    private readonly ulong _seed;
    private readonly DurationKind _handleKind;
    private readonly double _handleMeanMicros;
    private readonly LogNormal _handleLogNormal;
    private readonly double[]? _patienceMeanMicros;

    /// <summary>Prepares the draws for a queue's configuration.</summary>
    public QueueCustomerDraws(HumanQueueConfig config, ulong seed)
    {
        _seed = seed;
        _handleKind = config.HandleTime.Kind;
        _handleMeanMicros = config.HandleTime.MeanSeconds * 1e6;
        _handleLogNormal = new LogNormal(config.HandleTime.P50Ms, config.HandleTime.P99Ms);
        if (config.Patience is { } patience)
        {
            _patienceMeanMicros = new double[ChannelInfo.All.Max(c => (int)c) + 1];
            foreach (var channel in ChannelInfo.All)
            {
                _patienceMeanMicros[(int)channel] = patience.MeanSecondsFor(channel) * 1e6;
            }
        }
    }

    /// <summary>Draws (handle time, patience) in microseconds; patience is <see cref="long.MaxValue"/> when unlimited.</summary>
    public (long HandleMicros, long PatienceMicros) Draw(long conversationId, Channel channel)
    {
        var rng = new Rng(_seed, (ulong)conversationId, Purpose.HumanQueue);
        var handle = _handleKind == DurationKind.Exponential
            ? ToMicros(rng.Exponential(_handleMeanMicros))
            : _handleLogNormal.SampleMicros(ref rng);
        var patienceDraw = rng.Exponential(1.0);
        if (_patienceMeanMicros is null)
        {
            return (handle, long.MaxValue);
        }

        var index = (int)channel;
        var mean = index >= 0 && index < _patienceMeanMicros.Length ? _patienceMeanMicros[index] : _patienceMeanMicros[0];
        return (handle, ToMicros(patienceDraw * mean));
    }

    private static long ToMicros(double micros) => micros >= 4e18 ? (long)4e18 : (long)Math.Round(micros);
}
