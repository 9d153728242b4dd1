using System.Globalization;
using System.Text;
using AgentSim.Model.Transcripts;

namespace AgentSim.Cli.Reports;

/// <summary>A transcript as readable markdown (console and transcript-N.md).</summary>
public static class TranscriptText
{
    /// <summary>Formats a transcript.</summary>
    public static string Markdown(Transcript t)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"# Conversation {t.ConversationId}: {t.Outcome}\n\n");
        sb.Append(c, $"{t.Customer}; intent {t.Intent}, served by {t.Agent}; {t.TurnsNeeded} turns needed to get it across.\n");
        foreach (var turn in t.Turns)
        {
            var at = TimeSpan.FromSeconds(turn.AtSeconds);
            sb.Append(c, $"\n## Turn {turn.Number} at {(int)at.TotalHours:00}:{at.Minutes:00}:{at.Seconds:00}, {turn.Channel}");
            sb.Append(c, $" ({turn.LatencyMs:F0} ms, guardrails {turn.GuardrailMs:F0} ms)\n\n");
            if (turn.SwitchedFrom is not null)
            {
                sb.Append(c, $"- switched from {turn.SwitchedFrom} to {turn.Channel}{(turn.ContextLost is null ? ", context carried over" : "")}\n");
            }

            if (turn.ContextLost is not null)
            {
                sb.Append(c, $"- **context lost** (continuity: {turn.ContextLost})\n");
            }

            if (turn.Repeat)
            {
                sb.Append("- the customer has to repeat themselves\n");
            }

            Line(sb, "providers", turn.Providers);
            if (turn.Customer is not null)
            {
                sb.Append(c, $"- customer: {turn.Customer}\n");
                sb.Append(c, $"- agent saw: {turn.AgentSaw}\n");
            }

            if (turn.Answer is not null)
            {
                sb.Append(c, $"- answer carried: {turn.Answer}\n");
            }

            Line(sb, "guardrails", turn.Checks);
            Line(sb, "**incidents**", turn.Incidents);
        }

        sb.Append(c, $"\nOutcome: **{t.Outcome}**. Synthetic PII is masked in this transcript.\n");
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string label, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            sb.Append("- ").Append(label).Append(": ").AppendJoin(", ", items).Append('\n');
        }
    }
}
