namespace AgentSim.Cli.Tests.Http;

/// <summary>One generated request and what its answer must be beyond the rules every answer keeps.</summary>
/// <param name="Method">The method token (for raw requests, any bytes).</param>
/// <param name="Target">Path and query as sent.</param>
/// <param name="Headers">Extra headers.</param>
/// <param name="Body">Body, or null for none.</param>
/// <param name="ContentType">Content-Type of the body, or null.</param>
/// <param name="Route">The route the path matches exactly (its methods decide 405), or null.</param>
/// <param name="NotFound">True when no route serves the path: the answer must be 404.</param>
/// <param name="Raw">True to send the bytes as written over a socket (what HttpClient would refuse or normalise).</param>
public sealed record FuzzRequest(
    string Method,
    string Target,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType,
    HttpRoute? Route,
    bool NotFound,
    bool Raw)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var target = Target.Length > 200 ? $"{Target[..200]}… ({Target.Length} chars)" : Target;
        var headers = string.Join("; ", Headers.Select(h => $"{h.Key}: {(h.Value.Length > 60 ? h.Value[..60] + "…" : h.Value)}"));
        return $"{(Raw ? "raw " : "")}{Method} {target} [{headers}] body {Body?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}{(ContentType is null ? "" : $" ({ContentType})")}";
    }
}
