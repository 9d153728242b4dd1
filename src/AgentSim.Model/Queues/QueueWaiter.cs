namespace AgentSim.Model.Queues;

/// <summary>A customer waiting for a human, kept in a reusable slot of <see cref="HumanQueue"/>.</summary>
internal struct QueueWaiter
{
    /// <summary>The conversation waiting.</summary>
    public long ConversationId;

    /// <summary>The channel the customer waits on.</summary>
    public Channels.Channel Channel;

    /// <summary>When it joined the queue, in microseconds.</summary>
    public long ArrivalMicros;

    /// <summary>When its patience runs out, in microseconds (<see cref="long.MaxValue"/> for unlimited).</summary>
    public long DeadlineMicros;

    /// <summary>The handle time a human will take once it is answered, in microseconds.</summary>
    public long HandleMicros;

    /// <summary>A number unique to this occupant of the slot, so stale deadline entries can be recognised.</summary>
    public long Sequence;

    /// <summary>True once its departure has been reported (it stays in its class queue until it reaches the head).</summary>
    public bool Abandoned;
}
