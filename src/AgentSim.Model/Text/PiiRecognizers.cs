using System.Text.RegularExpressions;
using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Text;

/// <summary>The recognizers a PII layer can run, written for text channels (digits, '@').</summary>
public static partial class PiiRecognizers
{
    private static readonly PiiRecognizer[] All =
    [
        PiiRecognizer.With(PiiEntity.EmailAddress, EmailPattern(), cues: ["@"]),
        PiiRecognizer.With(PiiEntity.CreditCard, CardPattern(), Luhn.IsValid, needsDigit: true),
        PiiRecognizer.With(PiiEntity.IbanCode, IbanPattern(), needsDigit: true),
        PiiRecognizer.With(PiiEntity.UsSsn, SsnPattern(), needsDigit: true),
        PiiRecognizer.With(PiiEntity.IpAddress, IpPattern(), needsDigit: true),
        PiiRecognizer.With(PiiEntity.PhoneNumber, PhonePattern(), needsDigit: true),
        PiiRecognizer.With(PiiEntity.Person, PersonPattern(), cues: ["name is ", "this is ", "I am ", "I'm "]),
        PiiRecognizer.With(PiiEntity.Location, LocationPattern(), cues: ["live at ", "address is ", "ship to ", "deliver to "]),
    ];

    /// <summary>The recognizers for the given entity types, in a fixed order (specific patterns before phone numbers).</summary>
    public static PiiRecognizer[] For(IReadOnlyCollection<PiiEntity> entities) => [.. All.Where(r => entities.Contains(r.Entity))];

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(?:\d[ -]?){12,18}\d\b")]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b")]
    private static partial Regex SsnPattern();

    [GeneratedRegex(@"\b(?:\d{1,3}\.){3}\d{1,3}\b")]
    private static partial Regex IpPattern();

    [GeneratedRegex(@"(?<![\w])\+?\d[\d ().-]{7,}\d\b")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<=\b(?:name is|this is|I am|I'm) )\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)+")]
    private static partial Regex PersonPattern();

    [GeneratedRegex(@"(?<=\b(?:live at|address is|ship to|deliver to) )[^,.;]+")]
    private static partial Regex LocationPattern();
}
