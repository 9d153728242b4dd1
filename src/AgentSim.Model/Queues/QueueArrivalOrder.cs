namespace AgentSim.Model.Queues;

/// <summary>Orders arrivals by (arrival time, conversation id): the queue's canonical order.</summary>
internal sealed class QueueArrivalOrder : IComparer<QueueArrival>
{
    /// <summary>The one instance.</summary>
    public static readonly QueueArrivalOrder Instance = new();

    /// <summary>Compares by arrival time, then by conversation id.</summary>
    public int Compare(QueueArrival x, QueueArrival y)
    {
        var byTime = x.ArrivalMicros.CompareTo(y.ArrivalMicros);
        return byTime != 0 ? byTime : x.ConversationId.CompareTo(y.ConversationId);
    }
}
