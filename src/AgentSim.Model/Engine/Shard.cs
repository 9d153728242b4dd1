using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Queues;

namespace AgentSim.Model.Engine;

/// <summary>
/// A slice of a run's conversations (those whose id modulo the shard count is the shard's index), advanced one epoch
/// at a time. The Orleans engine keeps one per shard grain; the plain loop keeps one for everything.
/// </summary>
public sealed class Shard
{
    private readonly World _world;
    private readonly int _index;
    private readonly int _count;
    private readonly TurnSimulator _turns;
    private readonly List<Conversations.ConversationState> _active = [];
    private readonly List<(int Queue, QueueArrival Arrival)> _pending = [];

    /// <summary>Creates shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    public Shard(World world, int index, int count, ISimulationObserver observer)
    {
        _world = world;
        _index = index;
        _count = count;
        _turns = new TurnSimulator(world, observer);
    }

    /// <summary>Conversations in flight.</summary>
    public int Active => _active.Count;

    /// <summary>Starts this shard's share of the epoch's arrivals, then plays every turn that starts in the epoch.</summary>
    public EpochReport Advance(EpochSnapshot snapshot, long firstId, long count)
    {
        var report = new EpochReport(_world.Agents.Length, _world.Providers.Length, _world.Queues.Length);
        var start = firstId + ((_index - (firstId % _count) + _count) % _count);
        for (var id = start; id < firstId + count; id += _count)
        {
            _active.Add(_turns.Start(id, ArrivalSchedule.ArrivalMicros(_world, id, snapshot.StartMicros)));
            report.Started++;
        }

        for (var i = _active.Count - 1; i >= 0; i--)
        {
            var c = _active[i];
            if (_turns.Advance(c, snapshot, report))
            {
                _active[i] = _active[^1];
                _active.RemoveAt(_active.Count - 1);
                report.Ended += c.HandedOver ? 0 : 1;
            }
        }

        Schedule(report, snapshot.EndMicros);
        report.InFlight = _active.Count + _pending.Count;
        return report;
    }

    // A queue takes an epoch's handovers at its close, so a handover that falls after the epoch's end (its turn's latency
    // crossed the boundary) waits here for the epoch it falls in; those due are reported now.
    private void Schedule(EpochReport report, long epochEnd)
    {
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            if (_pending[i].Arrival.ArrivalMicros < epochEnd)
            {
                report.Handovers[_pending[i].Queue].Add(_pending[i].Arrival);
                _pending.RemoveAt(i);
            }
        }

        for (var q = 0; q < report.Handovers.Length; q++)
        {
            var handovers = report.Handovers[q];
            for (var i = handovers.Count - 1; i >= 0; i--)
            {
                if (handovers[i].ArrivalMicros >= epochEnd)
                {
                    _pending.Add((q, handovers[i]));
                    handovers.RemoveAt(i);
                }
            }
        }
    }
}
