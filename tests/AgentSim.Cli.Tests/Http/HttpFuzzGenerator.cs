using System.Text;

namespace AgentSim.Cli.Tests.Http;

/// <summary>
/// Seeded requests against the silo's HTTP surface: methods (standard, unknown and malformed tokens), paths (routes,
/// routes with garbage segments, unserved paths, percent-encoding, dot segments, very long paths), query strings, headers
/// and bodies (empty, huge, invalid JSON, wrong content type). The same seed gives the same requests.
/// </summary>
public sealed class HttpFuzzGenerator(int seed, IReadOnlyList<HttpRoute> routes, IReadOnlyList<string> unservedPaths)
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "BREW", "PROPFIND", "M-SEARCH"];

    // Only over a raw socket: tokens HttpClient refuses or rewrites (routing compares methods ignoring case, so "get" is a GET).
    private static readonly string[] RawMethods = ["G\u0001T", "GE(T", "\"GET\"", "GET\u007f", "{}", "ÄGET", "get", "CONNECT"];
    private static readonly string[] Accepts = ["application/json", "application/problem+json", "text/html", "text/plain", "*/*", "application/xml", "image/png;q=0.1", "garbage/;;;q=x", ""];
    private static readonly string[] ContentTypes = ["application/json", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "nonsense", "application/problem+json"];
    private static readonly string[] Bodies = ["", "{", "{\"channel\":", "[]", "null", "{\"channel\":\"voice\",\"intent\":\"billing\",\"seed\":-1}", "{\"seed\":1e400}", "\"\\ud800\"", "<xml/>", "a=b&c=%zz", "{\"a\":" + new string('[', 2000) + new string(']', 2000) + "}"];
    private static readonly string[] QueryKeys = ["wait", "exclude", "grainId", "grainType", "page", "x", "%zz", "a[]", ""];

    private readonly Random _random = new(seed);

    /// <summary>The next request.</summary>
    public FuzzRequest Next()
    {
        var raw = _random.Next(12) == 0;
        var (path, route, notFound) = Path(raw);
        var query = _random.Next(3) == 0 ? Query(raw) : "";
        var method = raw && _random.Next(3) == 0 ? Pick(RawMethods) : Pick(Methods);
        if (raw && method != method.Trim())
        {
            method = method.Trim();
        }

        byte[]? body = null;
        string? contentType = null;
        if (method != "HEAD" && _random.Next(3) == 0)
        {
            body = _random.Next(15) == 0 ? Huge() : Encoding.UTF8.GetBytes(Pick(Bodies));
            contentType = _random.Next(5) == 0 ? null : Pick(ContentTypes);
        }

        // Raw requests carry malformed methods, targets and headers that Kestrel may reject before routing: only the rules every answer keeps apply.
        if (path.Length > 8000)
        {
            // Kestrel answers 414 and closes the connection while a long body is still being sent, which HttpClient reports as its own error.
            body = null;
            contentType = null;
        }

        return new FuzzRequest(method, path + query, Headers(raw), body, contentType, raw ? null : route, !raw && notFound, raw);
    }

    private (string Path, HttpRoute? Route, bool NotFound) Path(bool raw)
    {
        var route = Pick(routes);
        switch (_random.Next(raw ? 10 : 8))
        {
            case 0 or 1 or 2:
                return (route.Fill(Value), route, false);
            case 3:
                // A garbage segment after a route: a catch-all route still matches (anything may answer), any other path is unserved.
                var extended = route.Fill(Value).TrimEnd('/') + "/" + Value();
                return (extended, null, !route.MoreBelow);
            case 4:
                return (Pick(unservedPaths).Replace("{id}", Segment(), StringComparison.Ordinal), null, true);
            case 5:
                // Percent-encoded letters of a route (the server decodes them), or an encoded slash.
                var path = route.Fill(Segment);
                var encoded = new StringBuilder();
                foreach (var c in path)
                {
                    encoded.Append(c != '/' && _random.Next(3) == 0 ? $"%{(int)c:X2}" : c == '/' && _random.Next(8) == 0 ? "%2F" : c.ToString());
                }

                return (encoded.ToString(), null, false);
            case 6:
                // Very long: past Kestrel's 8 KB request line sometimes (it answers 414 itself).
                return ("/" + string.Join('/', Enumerable.Range(0, _random.Next(50, 700)).Select(_ => Segment())), null, false);
            case 7:
                return (route.Fill(Segment).Replace("/", Pick(["/%2E%2E/", "/./", "//", "/%2e/"]), StringComparison.Ordinal), null, false);
            default:
                // Only over a raw socket: dot segments as written, bad percent escapes, absolute and asterisk forms, control bytes.
                return (Pick(["/health/../metrics", "/../../etc/passwd", "/metrics%zz", "/%", "/dashboard/%ff%fe", "*", "http://example.com/metrics", "/metrics#frag", "/a\u0001b", "/metrics?\u0000"]), null, false);
        }
    }

    private string Query(bool raw)
    {
        var parts = Enumerable.Range(0, _random.Next(1, 5)).Select(_ => $"{Pick(QueryKeys)}={(raw ? Segment() + "%" : Uri.EscapeDataString(Segment()))}");
        return "?" + string.Join('&', parts);
    }

    private List<KeyValuePair<string, string>> Headers(bool raw)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (_random.Next(2) == 0)
        {
            headers.Add(new("Accept", Pick(Accepts)));
        }

        if (_random.Next(4) == 0)
        {
            headers.Add(new("X-Fuzz", new string('x', _random.Next(0, 4000))));
        }

        if (_random.Next(6) == 0)
        {
            headers.Add(new(Pick(["If-None-Match", "Range", "Accept-Encoding", "Cookie", "Authorization", "Origin", "Accept-Language"]), Segment()));
        }

        if (raw && _random.Next(4) == 0)
        {
            headers.Add(new(Pick(["Host", "Content-Length", "Transfer-Encoding"]), Pick(["", "garbage", "-1", "99999999999999999999", "chunked, gzip", "100-continue", "a b"])));
        }

        return headers;
    }

    private string Segment()
    {
        const string Alphabet = "abcXYZ019-._~!$&'()*+,;=:@%20ü€😀";
        var length = _random.Next(0, 24);
        var text = new StringBuilder();
        var letters = new System.Globalization.StringInfo(Alphabet);
        for (var i = 0; i < length; i++)
        {
            text.Append(letters.SubstringByTextElements(_random.Next(letters.LengthInTextElements), 1));
        }

        return _random.Next(10) == 0 ? "garbage" : Uri.EscapeDataString(text.ToString());
    }

    // A route parameter's value: never empty and never only dots (which would be a dot segment, not a value).
    private string Value()
    {
        var segment = Segment();
        return segment.Trim('.').Length > 0 ? segment : "x" + segment;
    }

    private byte[] Huge()
    {
        var body = new byte[_random.Next(100_000, 1_100_000)];
        _random.NextBytes(body);
        return body;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
