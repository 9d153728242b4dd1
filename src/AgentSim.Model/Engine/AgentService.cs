using AgentSim.Model.Agents;
using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Engine;

/// <summary>
/// An agent deployment answering one turn (docs/model.md, step 6): the wait for a free slot that the epoch's
/// <see cref="AgentQueueing"/> sets (the fluid backlog, plus with probability Erlang C an exponential wait), then the answer's
/// own latency. The answer is reported as offered load for the next epoch's queueing. Not thread-safe: one per shard.
/// </summary>
public sealed class AgentService(AgentModel[] agents, ISimulationObserver observer)
{
    /// <summary>
    /// Wait plus answer time of agent <paramref name="agent"/> for a request reaching it at <paramref name="atMicros"/>, µs;
    /// in virtual time draws the wait only when the agent has a queue this epoch, in real time takes a slot of its concurrency limit.
    /// </summary>
    public long Answer(int agent, long atMicros, EpochSnapshot snapshot, EpochReport report, ref Rng rng)
    {
        var answer = agents[agent].Latency.SampleMicros(ref rng);
        report.AgentTurns[agent]++;
        report.AgentAnswerMicros[agent] += answer;

        long wait;
        if (snapshot.Live is { } live)
        {
            wait = live.AgentWaitMicros(agent, atMicros, answer);
        }
        else
        {
            var queue = snapshot.AgentQueues[agent];
            wait = (long)(queue.BacklogSeconds * 1_000_000);
            if (queue.WaitProbability > 0 && rng.Chance(queue.WaitProbability))
            {
                wait += (long)(rng.Exponential(queue.MeanWaitSeconds) * 1_000_000);
            }
        }

        observer.AgentAnswered(agent, answer, wait);
        return wait + answer;
    }
}
