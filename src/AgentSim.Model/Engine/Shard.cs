using AgentSim.Model.Epochs;
using AgentSim.Model.Events;

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
        var report = new EpochReport(_world.Agents.Length, _world.Providers.Length);
        var start = firstId + ((_index - (firstId % _count) + _count) % _count);
        for (var id = start; id < firstId + count; id += _count)
        {
            _active.Add(_turns.Start(id, ArrivalSchedule.ArrivalMicros(_world, id, snapshot.StartMicros)));
            report.Started++;
        }

        for (var i = _active.Count - 1; i >= 0; i--)
        {
            if (_turns.Advance(_active[i], snapshot, report))
            {
                _active[i] = _active[^1];
                _active.RemoveAt(_active.Count - 1);
                report.Ended++;
            }
        }

        report.InFlight = _active.Count;
        return report;
    }
}
