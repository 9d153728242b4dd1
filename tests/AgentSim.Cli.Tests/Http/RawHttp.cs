using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace AgentSim.Cli.Tests.Http;

/// <summary>Sends an HTTP/1.1 request exactly as written over a socket and reads one response (status, headers, body).</summary>
public static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> to <paramref name="server"/>; null when the server closed the connection without answering.</summary>
    public static async Task<FuzzResponse?> SendAsync(Uri server, FuzzRequest request, CancellationToken cancellation)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellation);
        await using var stream = client.GetStream();
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{request.Method} {request.Target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in request.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (request.ContentType is { } contentType)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {request.Body?.Length ?? 0}\r\n\r\n");
        try
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), cancellation);
            if (request.Body is { } body)
            {
                await stream.WriteAsync(body, cancellation);
            }
        }
        catch (IOException)
        {
            // The server may answer and close before the whole body is sent (e.g. 400 for a malformed head); read what it said.
        }

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellation)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (received.Length > 0)
        {
            // Reset after the answer: keep the answer.
        }

        return Parse(received.ToArray(), request.Method == "HEAD");
    }

    private static FuzzResponse? Parse(byte[] bytes, bool head)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(line => line.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = head ? [] : bytes[(end + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }

        return new FuzzResponse(
            status,
            headers.TryGetValue("Content-Type", out var type) ? type.Split(';')[0].Trim() : null,
            headers.GetValueOrDefault("Allow"),
            headers.GetValueOrDefault("Retry-After"),
            Encoding.UTF8.GetString(body));
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0
                || !int.TryParse(Encoding.Latin1.GetString(chunked, at, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size)
                || size == 0)
            {
                break;
            }

            var start = at + lineEnd + 2;
            body.Write(chunked, start, Math.Min(size, chunked.Length - start));
            at = start + size + 2;
        }

        return body.ToArray();
    }
}
