using AgentSim.Abstractions.Messages;

namespace AgentSim.Abstractions.Grains;

/// <summary>
/// The real-time ingress for Orleans clients, the same as the silo host's <c>POST /api/conversations</c> and
/// <c>GET /api/conversations/{id}</c>: a stateless worker on every silo, so a client's calls spread over the cluster's
/// gateways and no single grain sits on the path. Key: 0.
/// </summary>
[Alias("AgentSim.IIngressGrain")]
public interface IIngressGrain : IGrainWithIntegerKey
{
    /// <summary>Starts a conversation in real time, or says why not.</summary>
    [Alias("Start")]
    Task<IngressTicket> StartConversationAsync(ConversationSpec spec);

    /// <summary>Where conversation <paramref name="id"/> stands, or null when this silo does not know it (never started, or ended long ago).</summary>
    [Alias("Get")]
    Task<LiveConversationView?> GetConversationAsync(long id);
}
