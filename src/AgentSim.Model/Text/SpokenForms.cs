using System.Buffers;

namespace AgentSim.Model.Text;

/// <summary>
/// Renders text the way a voice transcript carries it ("four one one one", "jane at example dot com")
/// and normalises such transcripts back to written form, as a voice-aware PII layer does.
/// Every routine makes one pass into a stack or pooled buffer and allocates at most its result string.
/// </summary>
public static class SpokenForms
{
    private const int StackLimit = 1024;
    private const int MaxSpokenPerChar = 7; // " seven " / " three " / " eight "
    private const int SearchStride = 24; // ContainsFingerprint looks for a match once this many new chars are written
    private static readonly string[] Digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>Speaks digits as words and '@' / '.' inside addresses as "at" / "dot"; separators inside numbers are not spoken.</summary>
    public static string Speak(string written)
    {
        var capacity = written.Length * MaxSpokenPerChar;
        char[]? rented = null;
        var buffer = capacity <= StackLimit ? stackalloc char[capacity] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        var length = Speak(written, buffer);
        var result = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Turns spoken digits back into digits and "at" / "dot" between words back into '@' / '.'.</summary>
    public static string Normalize(string spoken)
    {
        char[]? rented = null;
        var buffer = spoken.Length <= StackLimit ? stackalloc char[spoken.Length] : (rented = ArrayPool<char>.Shared.Rent(spoken.Length));
        var length = Normalize(spoken, buffer, fingerprint: false, find: null);
        var result = length == spoken.Length && buffer[..length].SequenceEqual(spoken) ? spoken : new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Lower-case letters and digits only: how an entity value is recognised whatever its spacing or form.</summary>
    public static string Fingerprint(string text)
    {
        var length = 0;
        var changed = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                length++;
                changed |= char.ToLowerInvariant(c) != c;
            }
        }

        if (length == text.Length && !changed)
        {
            return text;
        }

        return string.Create(length, text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    span[i++] = char.ToLowerInvariant(c);
                }
            }
        });
    }

    /// <summary>
    /// True when the fingerprint of the normalised <paramref name="text"/> contains <paramref name="fingerprint"/>:
    /// the same answer as <c>Fingerprint(Normalize(text)).Contains(fingerprint)</c>, computed without allocating.
    /// </summary>
    public static bool ContainsFingerprint(ReadOnlySpan<char> text, string fingerprint)
    {
        if (fingerprint.Length == 0)
        {
            return true;
        }

        if (fingerprint.Length > text.Length)
        {
            return false; // a fingerprint is never longer than the text it was taken from
        }

        char[]? rented = null;
        var buffer = text.Length <= StackLimit ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var found = Normalize(text, buffer, fingerprint: true, find: fingerprint) < 0;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return found;
    }

    /// <summary>Writes the spoken form of <paramref name="written"/> into <paramref name="into"/> (at least 7 chars per input char); returns its length.</summary>
    private static int Speak(ReadOnlySpan<char> written, Span<char> into)
    {
        // Expand every character, then collapse runs of spaces to one, trim, and drop a space before ',' or '.'.
        var n = 0;
        var pendingSpace = false;
        for (var i = 0; i < written.Length; i++)
        {
            var c = written[i];
            var prevAlnum = i > 0 && char.IsLetterOrDigit(written[i - 1]);
            var nextAlnum = i + 1 < written.Length && char.IsLetterOrDigit(written[i + 1]);
            if (c is >= '0' and <= '9')
            {
                Emit(into, ref n, ref pendingSpace, ' ');
                foreach (var d in Digits[c - '0'])
                {
                    Emit(into, ref n, ref pendingSpace, d);
                }

                Emit(into, ref n, ref pendingSpace, ' ');
            }
            else if (c == '@')
            {
                Emit(into, ref n, ref pendingSpace, ' ');
                Emit(into, ref n, ref pendingSpace, 'a');
                Emit(into, ref n, ref pendingSpace, 't');
                Emit(into, ref n, ref pendingSpace, ' ');
            }
            else if (c == '.' && prevAlnum && nextAlnum)
            {
                Emit(into, ref n, ref pendingSpace, ' ');
                Emit(into, ref n, ref pendingSpace, 'd');
                Emit(into, ref n, ref pendingSpace, 'o');
                Emit(into, ref n, ref pendingSpace, 't');
                Emit(into, ref n, ref pendingSpace, ' ');
            }
            else if (c is '-' or ' ' && i > 0 && char.IsDigit(written[i - 1]) && i + 1 < written.Length && char.IsDigit(written[i + 1]))
            {
                Emit(into, ref n, ref pendingSpace, ' ');
            }
            else
            {
                Emit(into, ref n, ref pendingSpace, c);
            }
        }

        return n;
    }

    private static void Emit(Span<char> into, ref int n, ref bool pendingSpace, char c)
    {
        if (c == ' ')
        {
            pendingSpace = n > 0;
            return;
        }

        if (pendingSpace && c is not (',' or '.'))
        {
            into[n++] = ' ';
        }

        pendingSpace = false;
        into[n++] = c;
    }

    /// <summary>
    /// Writes the normalised form of <paramref name="spoken"/> (or, with <paramref name="fingerprint"/>, the fingerprint
    /// of that form) into <paramref name="into"/>, which must hold <c>spoken.Length</c> chars; returns its length. With
    /// <paramref name="find"/>, returns -1 as soon as what is written contains it (and the length when it never does).
    /// </summary>
    private static int Normalize(ReadOnlySpan<char> spoken, Span<char> into, bool fingerprint, string? find)
    {
        var n = 0;
        var searched = 0; // no occurrence of find starts before this index
        var previous = Kind.None;
        var any = false;
        var rest = spoken;
        while (true)
        {
            var start = 0;
            while (start < rest.Length && rest[start] == ' ')
            {
                start++;
            }

            if (start == rest.Length)
            {
                break;
            }

            rest = rest[start..];
            var end = rest.IndexOf(' ');
            var raw = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[end..];

            var core = raw.TrimEnd(",;:!?");
            var suffix = raw[core.Length..];
            var dot = false;
            if (core.Length > 1 && core[^1] == '.')
            {
                dot = true;
                core = core[..^1];
            }

            var digit = DigitOf(core);
            Kind kind;
            if (digit >= 0)
            {
                kind = Kind.Digit;
            }
            else if (core is "at" && previous == Kind.Word)
            {
                kind = Kind.Glue;
            }
            else if (core is "dot" && previous is Kind.Word or Kind.Digit)
            {
                kind = Kind.Glue;
            }
            else
            {
                kind = Kind.Word;
            }

            var joined = (kind == Kind.Digit && previous == Kind.Digit) || kind == Kind.Glue || previous == Kind.Glue;
            if (fingerprint)
            {
                // Only letters and digits survive a fingerprint: separators, '@', '.' and the punctuation suffix never do.
                if (kind == Kind.Digit)
                {
                    into[n++] = (char)('0' + digit);
                }
                else if (kind == Kind.Word)
                {
                    foreach (var c in core)
                    {
                        if (char.IsAscii(c))
                        {
                            if (char.IsAsciiLetterOrDigit(c))
                            {
                                into[n++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                            }
                        }
                        else if (char.IsLetterOrDigit(c))
                        {
                            into[n++] = char.ToLowerInvariant(c);
                        }
                    }
                }
            }
            else
            {
                if (any && !joined)
                {
                    into[n++] = ' ';
                }

                if (kind == Kind.Digit)
                {
                    into[n++] = (char)('0' + digit);
                }
                else if (kind == Kind.Glue)
                {
                    into[n++] = core[0] == 'a' ? '@' : '.';
                }
                else
                {
                    core.CopyTo(into[n..]);
                    n += core.Length;
                }

                if (dot)
                {
                    into[n++] = '.';
                }

                suffix.CopyTo(into[n..]);
                n += suffix.Length;
            }

            any = true;
            previous = dot || suffix.Length > 0 ? Kind.None : kind;
            if (find is not null && n - searched >= find.Length + SearchStride)
            {
                if (into[searched..n].IndexOf(find, StringComparison.Ordinal) >= 0)
                {
                    return -1;
                }

                searched = n - find.Length + 1;
            }
        }

        return find is not null && into[searched..n].IndexOf(find, StringComparison.Ordinal) >= 0 ? -1 : n;
    }

    private static int DigitOf(ReadOnlySpan<char> word)
    {
        var d = word.Length switch
        {
            3 => word[0] switch { 'o' => 1, 't' => 2, 's' => 6, _ => -1 },
            4 => word[0] switch { 'z' => 0, 'f' => word[1] == 'o' ? 4 : 5, 'n' => 9, _ => -1 },
            5 => word[0] switch { 't' => 3, 's' => 7, 'e' => 8, _ => -1 },
            _ => -1,
        };
        return d >= 0 && word.SequenceEqual(Digits[d]) ? d : -1;
    }

    private enum Kind
    {
        None,
        Word,
        Digit,
        Glue,
    }
}
