namespace AgentSim.Model.Text;

/// <summary>The Luhn checksum used by payment card numbers.</summary>
public static class Luhn
{
    /// <summary>True when the digits of <paramref name="text"/> pass the Luhn check.</summary>
    public static bool IsValid(string text) => IsValid(text.AsSpan());

    /// <summary>True when the digits of <paramref name="text"/> pass the Luhn check (at least 13 digits; other characters are skipped).</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        var sum = 0;
        var doubleIt = false;
        var digits = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                continue;
            }

            var d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
            digits++;
        }

        return digits >= 13 && sum % 10 == 0;
    }

    /// <summary>Returns the check digit that makes <paramref name="payload"/> + digit valid.</summary>
    public static int CheckDigit(string payload) => CheckDigit(payload.AsSpan());

    /// <summary>Returns the check digit that makes the digits <paramref name="payload"/> + digit valid.</summary>
    public static int CheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }
}
