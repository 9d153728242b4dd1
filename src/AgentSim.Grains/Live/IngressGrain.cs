using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using Orleans.Concurrency;

namespace AgentSim.Grains.Live;

/// <summary>
/// The Orleans client's way in: a stateless worker over the silo's <see cref="LiveSilo"/>, local to the gateway that took
/// the call, and reentrant — it holds no state, so a start waiting on its conversation's activation does not hold up the
/// next (non-reentrant, one worker per core queued tens of thousands of calls at 5,000 starts a second).
/// </summary>
[StatelessWorker]
[Reentrant]
public sealed class IngressGrain(LiveSilo live) : Grain, IIngressGrain
{
    /// <inheritdoc />
    public Task<IngressTicket> StartConversationAsync(ConversationSpec spec) => live.StartAsync(spec);

    /// <inheritdoc />
    public Task<LiveConversationView?> GetConversationAsync(long id) => Task.FromResult(live.View(id));
}
