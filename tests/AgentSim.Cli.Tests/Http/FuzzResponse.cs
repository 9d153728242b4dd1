namespace AgentSim.Cli.Tests.Http;

/// <summary>What came back: status, the headers the rules look at, and the body (empty for HEAD).</summary>
/// <param name="Status">Status code.</param>
/// <param name="ContentType">Media type without parameters, or null.</param>
/// <param name="Allow">The Allow header, or null.</param>
/// <param name="RetryAfter">The Retry-After header, or null.</param>
/// <param name="Body">The body as text.</param>
public sealed record FuzzResponse(int Status, string? ContentType, string? Allow, string? RetryAfter, string Body);
