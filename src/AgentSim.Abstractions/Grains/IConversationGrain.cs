using AgentSim.Abstractions.Messages;

namespace AgentSim.Abstractions.Grains;

/// <summary>
/// One conversation of a run, kept as what defines it — run seed, id and the run's epoch snapshots — and replayed on
/// request into a transcript. Key: <c>{runId}/{conversationId}</c>.
/// </summary>
[Alias("AgentSim.IConversationGrain")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Replays the conversation and returns its transcript (PII masked).</summary>
    [Alias("GetTranscript")]
    Task<TranscriptView> GetTranscriptAsync();
}
