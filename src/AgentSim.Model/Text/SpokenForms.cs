using System.Text;

namespace AgentSim.Model.Text;

/// <summary>
/// Renders text the way a voice transcript carries it ("four one one one", "jane at example dot com")
/// and normalises such transcripts back to written form, as a voice-aware PII layer does.
/// </summary>
public static class SpokenForms
{
    private static readonly string[] Digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>Speaks digits as words and '@' / '.' inside addresses as "at" / "dot"; separators inside numbers are not spoken.</summary>
    public static string Speak(string written)
    {
        var sb = new StringBuilder(written.Length * 4);
        for (var i = 0; i < written.Length; i++)
        {
            var c = written[i];
            var prevAlnum = i > 0 && char.IsLetterOrDigit(written[i - 1]);
            var nextAlnum = i + 1 < written.Length && char.IsLetterOrDigit(written[i + 1]);
            if (c is >= '0' and <= '9')
            {
                sb.Append(' ').Append(Digits[c - '0']).Append(' ');
            }
            else if (c == '@')
            {
                sb.Append(" at ");
            }
            else if (c == '.' && prevAlnum && nextAlnum)
            {
                sb.Append(" dot ");
            }
            else if (c is '-' or ' ' && i > 0 && char.IsDigit(written[i - 1]) && i + 1 < written.Length && char.IsDigit(written[i + 1]))
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        return Collapse(sb);
    }

    /// <summary>Turns spoken digits back into digits and "at" / "dot" between words back into '@' / '.'.</summary>
    public static string Normalize(string spoken)
    {
        var sb = new StringBuilder(spoken.Length);
        var previous = Kind.None;
        foreach (var raw in spoken.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var core = raw.TrimEnd(',', ';', ':', '!', '?');
            var suffix = raw[core.Length..];
            if (core.EndsWith('.') && core.Length > 1)
            {
                suffix = "." + suffix;
                core = core[..^1];
            }

            var digit = Array.IndexOf(Digits, core);
            var (token, kind) = digit >= 0 ? (((char)('0' + digit)).ToString(), Kind.Digit)
                : core == "at" && previous == Kind.Word ? ("@", Kind.Glue)
                : core == "dot" && previous is Kind.Word or Kind.Digit ? (".", Kind.Glue)
                : (core, Kind.Word);
            var joined = (kind == Kind.Digit && previous == Kind.Digit) || kind == Kind.Glue || previous == Kind.Glue;
            if (sb.Length > 0 && !joined)
            {
                sb.Append(' ');
            }

            sb.Append(token).Append(suffix);
            previous = suffix.Length > 0 ? Kind.None : kind;
        }

        return sb.ToString();
    }

    /// <summary>Lower-case letters and digits only: how an entity value is recognised whatever its spacing or form.</summary>
    public static string Fingerprint(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static string Collapse(StringBuilder sb)
    {
        var s = sb.ToString();
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Join(' ', parts);
        return joined.Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal);
    }

    private enum Kind
    {
        None,
        Word,
        Digit,
        Glue,
    }
}
