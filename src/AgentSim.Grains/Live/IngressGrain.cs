using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using Orleans.Concurrency;

namespace AgentSim.Grains.Live;

/// <summary>The Orleans client's way in: a stateless worker over the silo's <see cref="LiveSilo"/>, local to the gateway that took the call.</summary>
[StatelessWorker]
public sealed class IngressGrain(LiveSilo live) : Grain, IIngressGrain
{
    /// <inheritdoc />
    public Task<IngressTicket> StartConversationAsync(ConversationSpec spec) => live.StartAsync(spec);

    /// <inheritdoc />
    public Task<LiveConversationView?> GetConversationAsync(long id) => Task.FromResult(live.View(id));
}
