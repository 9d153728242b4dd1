using System.Text.RegularExpressions;
using AgentSim.Model.Customers;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Text;

namespace AgentSim.Model.Transcripts;

/// <summary>Masks synthetic PII in transcript text: the customer's own values wherever they appear as written or spoken, then any number or run of spoken digits (all but the last two), e-mail local parts and name parts.</summary>
public static partial class TranscriptRedactor
{
    /// <summary>Masks <paramref name="text"/> for display.</summary>
    public static string Redact(string text, CustomerProfile customer)
    {
        if (text.Length == 0)
        {
            return text;
        }

        foreach (var value in customer.Pii)
        {
            text = text.Replace(value, CustomerProfile.Mask(value), StringComparison.Ordinal)
                .Replace(SpokenForms.Speak(value), CustomerProfile.Mask(SpokenForms.Speak(value)), StringComparison.Ordinal);
        }

        foreach (var part in customer.Value(PiiEntity.Person).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length > 1)
            {
                text = text.Replace(part, part[0] + new string('*', part.Length - 1), StringComparison.Ordinal);
            }
        }

        text = Numbers().Replace(text, m => MaskAllButLast(m.Value, 2, c => char.IsDigit(c)));
        text = SpokenDigits().Replace(text, m =>
        {
            var words = m.Value.Split(' ');
            return string.Join(' ', words.Select((w, i) => i < words.Length - 2 ? "•" : w));
        });
        text = Emails().Replace(text, m => m.Value[0] + "***@");
        text = SpokenEmails().Replace(text, m => m.Value[0] + "*** at ");
        return text;
    }

    private static string MaskAllButLast(string value, int keep, Func<char, bool> isSecret)
    {
        var secrets = value.Count(isSecret);
        var seen = 0;
        return string.Concat(value.Select(c =>
        {
            if (!isSecret(c))
            {
                return c;
            }

            seen++;
            return seen <= secrets - keep ? '•' : c;
        }));
    }

    [GeneratedRegex(@"\d[\d \-.]{2,}\d")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\b(?:zero|one|two|three|four|five|six|seven|eight|nine)(?: (?:zero|one|two|three|four|five|six|seven|eight|nine)){3,}\b")]
    private static partial Regex SpokenDigits();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@")]
    private static partial Regex Emails();

    [GeneratedRegex(@"\b[a-z0-9_'-]+(?: dot [a-z0-9_'-]+)* at (?=[a-z0-9-]+ dot )")]
    private static partial Regex SpokenEmails();
}
