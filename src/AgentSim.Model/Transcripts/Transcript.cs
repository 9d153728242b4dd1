namespace AgentSim.Model.Transcripts;

/// <summary>One conversation replayed turn by turn, with synthetic PII masked.</summary>
public sealed record Transcript
{
    /// <summary>Conversation id.</summary>
    public required long ConversationId { get; init; }

    /// <summary>The customer, masked.</summary>
    public required string Customer { get; init; }

    /// <summary>Intent.</summary>
    public required string Intent { get; init; }

    /// <summary>Agent serving the intent.</summary>
    public required string Agent { get; init; }

    /// <summary>Turns the customer needed to get the intent across.</summary>
    public required int TurnsNeeded { get; init; }

    /// <summary>How it ended.</summary>
    public required string Outcome { get; init; }

    /// <summary>The turns.</summary>
    public required IReadOnlyList<TranscriptTurn> Turns { get; init; }
}

/// <summary>One turn of a transcript.</summary>
public sealed record TranscriptTurn
{
    /// <summary>Turn number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>Simulated time the turn started, seconds from the run's start.</summary>
    public required double AtSeconds { get; init; }

    /// <summary>Channel.</summary>
    public required string Channel { get; init; }

    /// <summary>Channel switched from, if the customer switched before this turn.</summary>
    public string? SwitchedFrom { get; init; }

    /// <summary>What was meant to carry context when it was lost before this turn (native, application, none), if lost.</summary>
    public string? ContextLost { get; init; }

    /// <summary>Whether the customer had to repeat themselves.</summary>
    public bool Repeat { get; init; }

    /// <summary>Provider attempts, "provider: result".</summary>
    public required IReadOnlyList<string> Providers { get; init; }

    /// <summary>The customer's text (PII masked).</summary>
    public string? Customer { get; init; }

    /// <summary>What the agent saw after the input guardrails (PII masked).</summary>
    public string? AgentSaw { get; init; }

    /// <summary>What the answer carried beyond an ordinary reply (PII masked), if anything.</summary>
    public string? Answer { get; init; }

    /// <summary>Guardrail checks, "layer: result".</summary>
    public required IReadOnlyList<string> Checks { get; init; }

    /// <summary>Incidents, "kind, detected after N s" or "kind, undetected".</summary>
    public required IReadOnlyList<string> Incidents { get; init; }

    /// <summary>Turn latency, ms.</summary>
    public double LatencyMs { get; init; }

    /// <summary>Of which guardrails, ms.</summary>
    public double GuardrailMs { get; init; }
}
