using AgentSim.Abstractions.Messages;

namespace AgentSim.Abstractions.Grains;

/// <summary>
/// One real-time conversation, an activation for the conversation's lifetime with the AI agent: it plays the model's
/// turns one at a time at their scaled simulated times, then ends or hands the customer to a human queue and goes. Key:
/// the conversation id the silo's admission gave it.
/// </summary>
[Alias("AgentSim.ILiveConversationGrain")]
public interface ILiveConversationGrain : IGrainWithIntegerKey
{
    /// <summary>Starts the conversation (once; a second call does nothing).</summary>
    [Alias("Start")]
    Task StartAsync(ConversationSpec spec);

    /// <summary>
    /// Resumes, on this silo, a conversation whose silo was lost, from its last checkpoint (the ledger's bytes): it plays on
    /// from where it stood, or goes back into its human queue. A conversation already running here is left as it is.
    /// </summary>
    [Alias("Resume")]
    Task<LiveResume> ResumeAsync(byte[] checkpoint);
}

/// <summary>Ticks a silo's real-time clock: closes epochs (governance, outages) and advances the human queues. Key: the silo's address.</summary>
[Alias("AgentSim.ILiveClockGrain")]
public interface ILiveClockGrain : IGrainWithStringKey
{
    /// <summary>Starts ticking (idempotent).</summary>
    [Alias("Start")]
    Task StartAsync();
}
