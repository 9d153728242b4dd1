using System.Buffers;
using System.Text.RegularExpressions;
using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Text;

/// <summary>Checks a candidate match of a recognizer (for example a Luhn check for card numbers).</summary>
/// <param name="value">The matched text.</param>
internal delegate bool PiiValidator(ReadOnlySpan<char> value);

/// <summary>
/// Finds one PII entity type in text, the way a pattern recognizer in Presidio does. Thread-safe; text without a
/// match costs no allocation.
/// </summary>
public sealed class PiiRecognizer
{
    private static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");
    private readonly Regex _pattern;
    private readonly PiiValidator? _validate;
    private readonly string _placeholder;
    private readonly string[]? _cues;
    private readonly bool _needsDigit;

    /// <summary>Creates a recognizer whose matches are checked by a string <paramref name="validate"/>, if given.</summary>
    public PiiRecognizer(PiiEntity entity, Regex pattern, Func<string, bool>? validate = null)
        : this(entity, pattern, validate is null ? null : new PiiValidator(value => validate(value.ToString())), cues: null, needsDigit: false)
    {
    }

    private PiiRecognizer(PiiEntity entity, Regex pattern, PiiValidator? validate, string[]? cues, bool needsDigit)
    {
        _cues = cues;
        _needsDigit = needsDigit;
        Entity = entity;
        _pattern = pattern;
        _validate = validate;
        _placeholder = "<" + entity.Name() + ">";
    }

    /// <summary>The entity type.</summary>
    public PiiEntity Entity { get; }

    /// <summary>Replaces every valid match with <c>&lt;ENTITY&gt;</c>; returns how many were masked.</summary>
    public int Mask(ref string text)
    {
        if (text.Length == 0 || (_needsDigit && !HasDigit(text)) || (_cues is not null && !HasCue(text)))
        {
            return 0;
        }

        // First pass: count the valid matches and the length of the result; most texts have none and stop here.
        var count = 0;
        var removed = 0;
        foreach (var m in _pattern.EnumerateMatches(text))
        {
            if (IsValid(text.AsSpan(m.Index, m.Length)))
            {
                count++;
                removed += m.Length;
            }
        }

        if (count == 0)
        {
            return 0;
        }

        text = string.Create(text.Length - removed + (count * _placeholder.Length), (Recognizer: this, Text: text), static (span, state) =>
        {
            var (self, source) = state;
            var written = 0;
            var copied = 0;
            foreach (var m in self._pattern.EnumerateMatches(source))
            {
                if (!self.IsValid(source.AsSpan(m.Index, m.Length)))
                {
                    continue;
                }

                source.AsSpan(copied, m.Index - copied).CopyTo(span[written..]);
                written += m.Index - copied;
                self._placeholder.CopyTo(span[written..]);
                written += self._placeholder.Length;
                copied = m.Index + m.Length;
            }

            source.AsSpan(copied).CopyTo(span[written..]);
        });
        return count;
    }

    /// <summary>
    /// A recognizer whose matches are checked on the span (<paramref name="validate"/>, without allocating) and that runs
    /// its pattern only on text containing one of <paramref name="cues"/> and, with <paramref name="needsDigit"/>, a
    /// decimal digit (what <c>\d</c> matches): what every match needs, so skipping other text changes no result.
    /// </summary>
    internal static PiiRecognizer With(PiiEntity entity, Regex pattern, PiiValidator? validate = null, string[]? cues = null, bool needsDigit = false) =>
        new(entity, pattern, validate, cues, needsDigit);

    private static bool HasDigit(string text)
    {
        if (text.AsSpan().ContainsAny(AsciiDigits))
        {
            return true;
        }

        if (System.Text.Ascii.IsValid(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true; // \d also matches the decimal digits of other scripts
            }
        }

        return false;
    }

    private bool HasCue(string text)
    {
        foreach (var cue in _cues!)
        {
            if (text.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsValid(ReadOnlySpan<char> match) => _validate is null || _validate(match);
}
