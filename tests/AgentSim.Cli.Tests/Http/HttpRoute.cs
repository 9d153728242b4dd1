namespace AgentSim.Cli.Tests.Http;

/// <summary>
/// A route of the silo's HTTP surface: its path template (<c>{id}</c> marks a segment that takes any value, <c>{*rest}</c>
/// the rest of the path) and the methods it takes; any other method must get 405 with exactly these in <c>Allow</c>.
/// </summary>
/// <param name="Template">Path template, e.g. <c>/api/conversations/{id}</c>.</param>
/// <param name="Methods">Methods the route answers, e.g. GET and HEAD.</param>
/// <param name="MayNotFind">True when a well-formed request may still get 404 (an id or silo address that does not exist).</param>
/// <param name="RoutesBelow">True when longer paths are routes too (another route takes a segment after this one).</param>
public sealed record HttpRoute(string Template, string[] Methods, bool MayNotFind = false, bool RoutesBelow = false, bool ClientErrors = false)
{
    /// <summary>True when a segment added to the path may still match a route: the template ends in a catch-all (<c>{*rest}</c>) or <see cref="RoutesBelow"/>.</summary>
    public bool MoreBelow => RoutesBelow || Template.EndsWith("*rest}", StringComparison.Ordinal);

    /// <summary>The path with each parameter replaced by <paramref name="value"/>.</summary>
    public string Fill(Func<string> value) =>
        string.Join('/', Template.Split('/').Select(segment => segment.StartsWith('{') ? value() : segment));

    /// <inheritdoc />
    public override string ToString() => $"{Template} [{string.Join(", ", Methods)}]";
}
