using AgentSim.Model.Transcripts;

namespace AgentSim.Abstractions.Messages;

/// <summary>Wire form of a <see cref="TranscriptTurn"/>.</summary>
/// <param name="Number">Turn number, from 1.</param>
/// <param name="AtSeconds">Simulated start, seconds.</param>
/// <param name="Channel">Channel.</param>
/// <param name="SwitchedFrom">Channel switched from, if any.</param>
/// <param name="ContextLost">Continuity that failed, if context was lost.</param>
/// <param name="Repeat">Whether the customer repeated themselves.</param>
/// <param name="Providers">Provider attempts.</param>
/// <param name="Customer">Customer text, masked.</param>
/// <param name="AgentSaw">What the agent saw, masked.</param>
/// <param name="Answer">What the answer carried, masked.</param>
/// <param name="Checks">Guardrail checks.</param>
/// <param name="Incidents">Incidents.</param>
/// <param name="LatencyMs">Turn latency, ms.</param>
/// <param name="GuardrailMs">Of which guardrails, ms.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.TranscriptTurnView")]
public sealed record TranscriptTurnView(
    [property: Id(0)] int Number,
    [property: Id(1)] double AtSeconds,
    [property: Id(2)] string Channel,
    [property: Id(3)] string? SwitchedFrom,
    [property: Id(4)] string? ContextLost,
    [property: Id(5)] bool Repeat,
    [property: Id(6)] string[] Providers,
    [property: Id(7)] string? Customer,
    [property: Id(8)] string? AgentSaw,
    [property: Id(9)] string? Answer,
    [property: Id(10)] string[] Checks,
    [property: Id(11)] string[] Incidents,
    [property: Id(12)] double LatencyMs,
    [property: Id(13)] double GuardrailMs)
{
    /// <summary>Wire form of a model turn.</summary>
    public static TranscriptTurnView From(TranscriptTurn t) =>
        new(t.Number, t.AtSeconds, t.Channel, t.SwitchedFrom, t.ContextLost, t.Repeat, [.. t.Providers], t.Customer, t.AgentSaw, t.Answer, [.. t.Checks], [.. t.Incidents], t.LatencyMs, t.GuardrailMs);

    /// <summary>The model turn.</summary>
    public TranscriptTurn ToModel() => new()
    {
        Number = Number,
        AtSeconds = AtSeconds,
        Channel = Channel,
        SwitchedFrom = SwitchedFrom,
        ContextLost = ContextLost,
        Repeat = Repeat,
        Providers = Providers,
        Customer = Customer,
        AgentSaw = AgentSaw,
        Answer = Answer,
        Checks = Checks,
        Incidents = Incidents,
        LatencyMs = LatencyMs,
        GuardrailMs = GuardrailMs,
    };
}
