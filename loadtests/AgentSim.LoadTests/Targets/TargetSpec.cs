using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AgentSim.LoadTests.Targets;

/// <summary>A parsed <c>--target</c>: the in-process silo, an HTTP URL, or an Orleans cluster's gateways.</summary>
/// <param name="Kind"><c>inprocess</c>, <c>noop</c>, <c>http</c> or <c>orleans</c>.</param>
/// <param name="Url">The ingress URL (http).</param>
/// <param name="ClusterId">The cluster id (orleans).</param>
/// <param name="Gateways">The gateway endpoints (orleans).</param>
public sealed record TargetSpec(string Kind, Uri? Url = null, string? ClusterId = null, IReadOnlyList<IPEndPoint>? Gateways = null)
{
    /// <summary>Parses <paramref name="text"/>, or says what is wrong with it (naming <c>--target</c>).</summary>
    public static TargetSpec? Parse(string text, out string? problem)
    {
        problem = null;
        if (text is "inprocess" or "noop")
        {
            return new TargetSpec(text);
        }

        if (text.StartsWith("orleans:", StringComparison.Ordinal))
        {
            var rest = text["orleans:".Length..];
            var at = rest.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0 || at == rest.Length - 1)
            {
                problem = $"--target: '{text}' is not orleans:CLUSTER_ID@HOST:PORT[,HOST:PORT].";
                return null;
            }

            var gateways = new List<IPEndPoint>();
            foreach (var part in rest[(at + 1)..].Split(','))
            {
                var endpoint = Endpoint(part);
                if (endpoint is null)
                {
                    problem = $"--target: gateway '{part}' is not HOST:PORT (a resolvable host and a port 1-65535).";
                    return null;
                }

                gateways.Add(endpoint);
            }

            return new TargetSpec("orleans", ClusterId: rest[..at], Gateways: gateways);
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return new TargetSpec("http", url);
        }

        problem = $"--target: '{text}' is not inprocess, noop, an http(s) URL or orleans:CLUSTER_ID@HOST:PORT[,HOST:PORT].";
        return null;
    }

    /// <summary>Starts or connects the target this spec names.</summary>
    public async Task<ILoadTarget> OpenAsync(LoadOptions options, CancellationToken cancellation) => Kind switch
    {
        "inprocess" => await InProcessTarget.StartAsync(options.Scenario, options.TimeScale, cancellation).ConfigureAwait(false),
        "noop" => new NoOpTarget(),
        "orleans" => await OrleansTarget.ConnectAsync(ClusterId!, Gateways!, cancellation).ConfigureAwait(false),
        _ => new HttpTarget(Url!),
    };

    private static IPEndPoint? Endpoint(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        var host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            var found = Dns.GetHostAddresses(host);
            var pick = found.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? found.FirstOrDefault();
            return pick is null ? null : new IPEndPoint(pick, port);
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
