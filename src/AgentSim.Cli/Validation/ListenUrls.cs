using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AgentSim.Cli.Validation;

/// <summary>
/// Checks the <c>Urls</c> a silo serves on before the host starts: each must be http or https, with an IP address,
/// <c>localhost</c>, <c>*</c> or <c>+</c> as host (Kestrel would quietly listen on every interface for any other name)
/// and a port from 0 to 65535 — and, just before the start, that each port is free.
/// </summary>
public static partial class ListenUrls
{
    /// <summary>What is wrong with each of the ';'-separated <paramref name="urls"/>; empty when all are fine.</summary>
    public static IReadOnlyList<string> Problems(string urls, string label) =>
        [.. Split(urls).Select(url => Parse(url, out _, out _) is { } problem ? $"{label}: '{url}' {problem}" : null).OfType<string>()];

    /// <summary>The ports the well-formed ones of <paramref name="urls"/> ask for, leaving out 0 (a free port picked at start).</summary>
    public static IReadOnlyList<int> Ports(string urls) =>
        [.. Split(urls).Select(url => Parse(url, out _, out var port) is null ? port : 0).Where(port => port > 0)];

    /// <summary>Throws <see cref="CliInputException"/> when a port of <paramref name="urls"/> cannot be listened on now (already in use, or not this machine's address).</summary>
    public static void CheckFree(string urls, string label)
    {
        var problems = new List<string>();
        foreach (var url in Split(urls))
        {
            if (Parse(url, out var address, out var port) is null && PortProbe.Problem(address!, port) is { } problem)
            {
                problems.Add($"{label}: cannot listen on '{url}': {problem}");
            }
        }

        if (problems.Count > 0)
        {
            throw new CliInputException(problems);
        }
    }

    /// <summary>Starts a server; a failure to listen (a port taken since <see cref="CheckFree"/>) becomes a <see cref="CliInputException"/> naming <paramref name="label"/>.</summary>
    public static async Task<T> StartAsync<T>(string label, Func<Task<T>> start)
    {
        try
        {
            return await start();
        }
        catch (IOException ex) when (ex.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliInputException($"{label}: cannot listen: {ex.Message}", ex);
        }
    }

    private static IEnumerable<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Null when the URL is fine, with the address to probe; else what is wrong with it.
    private static string? Parse(string url, out IPAddress? address, out int port)
    {
        address = null;
        port = 0;
        var match = UrlPattern().Match(url);
        if (!match.Success)
        {
            return "is not a URL; write http://HOST:PORT, e.g. http://127.0.0.1:9464 (HOST: an IP address, localhost, * or +)";
        }

        var scheme = match.Groups["scheme"].Value.ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return $"has scheme '{scheme}'; use http or https";
        }

        if (match.Groups["path"].Value is { Length: > 1 } path)
        {
            return $"has a path ('{path}'); give only scheme, host and port";
        }

        port = scheme == "https" ? 443 : 80;
        if (match.Groups["port"].Success
            && !(int.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535))
        {
            return $"has port '{match.Groups["port"].Value}'; a port is a whole number from 0 to 65535";
        }

        var host = match.Groups["host"].Value;
        address = Host(host);
        return address is null
            ? $"has host '{host}', which is not an IP address; use an IPv4 address such as 127.0.0.1 (0.0.0.0 for every interface), [::1], localhost, * or +"
            : null;
    }

    private static IPAddress? Host(string host)
    {
        if (host is "*" or "+" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return host is "*" or "+" ? IPAddress.Any : IPAddress.Loopback;
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? v6 : null;
        }

        // Only a dotted quad of 0..255 each: IPAddress.TryParse also takes "1" or "1.2" as addresses.
        return DottedQuad().IsMatch(host) && host.Split('.').All(part => int.Parse(part, CultureInfo.InvariantCulture) <= 255) && IPAddress.TryParse(host, out var v4) ? v4 : null;
    }

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?<host>\[[^\]]*\]|[^:/\[\]]+)(:(?<port>[^/]*))?(?<path>/.*)?$")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^\d{1,3}(\.\d{1,3}){3}$")]
    private static partial Regex DottedQuad();
}
