using AgentSim.Model.Conversations;
using AgentSim.Model.Engine;
using AgentSim.Model.Epochs;

namespace AgentSim.Model.Transcripts;

/// <summary>
/// Replays one conversation of a finished run from the seed and the run's epoch snapshots: the same draws and the
/// same shared state, so the same turns and outcome as in the run, now with every decision written down.
/// Feed it the run's snapshots from <see cref="Epoch"/> on until <see cref="Advance"/> returns true.
/// </summary>
public sealed class ConversationReplay
{
    private readonly World _world;
    private readonly long _id;
    private readonly TranscriptRecorder _recorder;
    private readonly TurnSimulator _simulator;
    private ConversationState? _state;

    /// <summary>Prepares the replay of conversation <paramref name="id"/> of a run that started <paramref name="conversations"/> conversations in at most <paramref name="epochs"/> epochs.</summary>
    public ConversationReplay(World world, long id, long conversations, int epochs = int.MaxValue)
    {
        _world = world;
        _id = id;
        Epoch = ArrivalEpoch(world, id, conversations, epochs);
        if (Epoch < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Conversation {id} did not start in this run (it started conversations 0 to {conversations - 1}).");
        }

        _recorder = new TranscriptRecorder(world);
        _simulator = new TurnSimulator(world, _recorder, _recorder);
    }

    /// <summary>
    /// The transcript outcome of a conversation handed to a human queue. Whether a human answered it (escalated) or the
    /// customer left the queue (abandoned) depends on every other customer in that queue, so one conversation's replay
    /// cannot tell; results.json counts both under <c>queues.NAME</c>.
    /// </summary>
    public const string HandedOver = "handed_over";

    /// <summary>The epoch whose snapshot <see cref="Advance"/> needs next.</summary>
    public int Epoch { get; private set; }

    /// <summary>Plays the conversation through the snapshot of <see cref="Epoch"/>; true once it has ended.</summary>
    public bool Advance(EpochSnapshot snapshot)
    {
        if (snapshot.Epoch != Epoch)
        {
            throw new ArgumentException($"Expected the snapshot of epoch {Epoch}, got {snapshot.Epoch}.", nameof(snapshot));
        }

        if (_state is null)
        {
            _state = _simulator.Start(_id, ArrivalSchedule.ArrivalMicros(_world, _id, snapshot.StartMicros));
            _recorder.Customer = _state.Customer;
        }

        var ended = _simulator.Advance(_state, snapshot, new EpochReport(_world.Agents.Length, _world.Providers.Length, _world.Queues.Length));
        if (!ended)
        {
            Epoch++;
        }

        return ended;
    }

    /// <summary>The transcript of the ended conversation.</summary>
    public Transcript Result()
    {
        var state = _state is { } s && (s.Outcome is not null || s.HandedOver) ? s : throw new InvalidOperationException("The conversation has not ended yet.");
        return new Transcript
        {
            ConversationId = _id,
            Customer = state.Customer.ToString(),
            Intent = _world.IntentNames[state.Intent],
            Agent = _world.Agents[state.Agent].Name,
            TurnsNeeded = state.TurnsNeeded,
            Outcome = state.HandedOver ? HandedOver : state.Outcome!.Value.Name(),
            Turns = _recorder.Turns,
        };
    }

    /// <summary>Replays conversation <paramref name="id"/>; <paramref name="snapshotAt"/> returns the run's snapshot of an epoch.</summary>
    public static Transcript Replay(World world, long id, long conversations, Func<int, EpochSnapshot> snapshotAt)
    {
        var replay = new ConversationReplay(world, id, conversations);
        while (!replay.Advance(snapshotAt(replay.Epoch)))
        {
        }

        return replay.Result();
    }

    /// <summary>The epoch in which conversation <paramref name="id"/> arrived, or -1 if it did not arrive within <paramref name="epochs"/> epochs.</summary>
    public static int ArrivalEpoch(World world, long id, long conversations, int epochs = int.MaxValue)
    {
        if (id < 0 || id >= conversations)
        {
            return -1;
        }

        long first = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var count = ArrivalSchedule.CountFor(world, epoch, conversations - first);
            if (id < first + count)
            {
                return epoch;
            }

            first += count;
        }

        return -1;
    }
}
