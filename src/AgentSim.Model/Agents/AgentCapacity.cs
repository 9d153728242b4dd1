using AgentSim.Model.Queues;

namespace AgentSim.Model.Agents;

/// <summary>
/// An agent deployment's model capacity in virtual time: a concurrency limit c with a queue in front of it. The offered
/// load of epoch k — a = answer time of its turns ÷ the epoch's length, in Erlangs — sets the queueing of epoch k+1.
/// Below capacity (a &lt; c) it is the M/M/c wait: with probability Erlang C(c, a) a turn waits an exponential time with
/// mean h/(c − a) (rate cμ − λ, h the mean answer time). At or past capacity the excess work, (a − c) × the epoch's
/// length, piles up as a fluid backlog carried across epochs; every turn waits behind it (backlog ÷ c seconds) and it
/// drains at (c − a) when load falls. Owned by the agent grain (or the plain loop); shards only read the result.
/// </summary>
public sealed class AgentCapacity(int? concurrency, long epochMicros)
{
    private double _backlogServerSeconds;

    /// <summary>The concurrency limit, null when unlimited.</summary>
    public int? Concurrency => concurrency;

    /// <summary>The queueing in force for the coming epoch.</summary>
    public AgentQueueing Queueing { get; private set; } = AgentQueueing.None;

    /// <summary>Takes in the epoch's answered turns and their summed answer time, which set the next epoch's queueing.</summary>
    public void CloseEpoch(long turns, long answerMicros)
    {
        var epochSeconds = epochMicros / 1e6;
        var busy = answerMicros / 1e6 / epochSeconds;
        if (concurrency is not { } c)
        {
            Queueing = AgentQueueing.None with { Busy = busy };
            return;
        }

        double waitProbability = 0, meanWait = 0;
        if (busy < c)
        {
            _backlogServerSeconds = Math.Max(0, _backlogServerSeconds - ((c - busy) * epochSeconds));
            if (turns > 0)
            {
                var meanAnswer = answerMicros / 1e6 / turns;
                waitProbability = ErlangC.WaitProbability(c, turns / epochSeconds, meanAnswer);
                meanWait = meanAnswer / (c - busy);
            }
        }
        else
        {
            _backlogServerSeconds += (busy - c) * epochSeconds;
        }

        Queueing = new AgentQueueing(waitProbability, meanWait, _backlogServerSeconds / c, busy, busy / c);
    }
}
