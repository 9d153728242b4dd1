using System.Text;
using System.Text.RegularExpressions;

namespace AgentSim.Model.Tests.Text;

/// <summary>
/// The text routines as they were before the allocation work, kept verbatim as the reference the fast versions must
/// agree with character for character (results.json depends on them through the guardrails).
/// </summary>
internal static class LegacyText
{
    private static readonly string[] Digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

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

        var parts = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts).Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal);
    }

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

    public static int Mask(Regex pattern, string name, Func<string, bool>? validate, ref string text)
    {
        var count = 0;
        text = pattern.Replace(text, m =>
        {
            if (validate is not null && !validate(m.Value))
            {
                return m.Value;
            }

            count++;
            return name;
        });
        return count;
    }

    private enum Kind
    {
        None,
        Word,
        Digit,
        Glue,
    }
}
