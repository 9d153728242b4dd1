using AgentSim.Model.Transcripts;

namespace AgentSim.Abstractions.Messages;

/// <summary>A replayed conversation, PII masked (wire form of <see cref="Transcript"/>).</summary>
/// <param name="ConversationId">Conversation id.</param>
/// <param name="Customer">The customer, masked.</param>
/// <param name="Intent">Intent.</param>
/// <param name="Agent">Agent serving the intent.</param>
/// <param name="TurnsNeeded">Turns the customer needed.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Turns">The turns.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.TranscriptView")]
public sealed record TranscriptView(
    [property: Id(0)] long ConversationId,
    [property: Id(1)] string Customer,
    [property: Id(2)] string Intent,
    [property: Id(3)] string Agent,
    [property: Id(4)] int TurnsNeeded,
    [property: Id(5)] string Outcome,
    [property: Id(6)] TranscriptTurnView[] Turns)
{
    /// <summary>Wire form of a model transcript.</summary>
    public static TranscriptView From(Transcript t) =>
        new(t.ConversationId, t.Customer, t.Intent, t.Agent, t.TurnsNeeded, t.Outcome, [.. t.Turns.Select(TranscriptTurnView.From)]);

    /// <summary>The model transcript.</summary>
    public Transcript ToModel() => new()
    {
        ConversationId = ConversationId,
        Customer = Customer,
        Intent = Intent,
        Agent = Agent,
        TurnsNeeded = TurnsNeeded,
        Outcome = Outcome,
        Turns = [.. Turns.Select(t => t.ToModel())],
    };
}
