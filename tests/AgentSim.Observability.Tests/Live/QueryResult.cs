namespace AgentSim.Observability.Tests.Live;

/// <summary>What an instant query returned.</summary>
/// <param name="Series">Number of series (1 for a scalar).</param>
/// <param name="Numbers">How many of them hold a finite number (not NaN or ±Inf).</param>
/// <param name="Error">Prometheus' error, or null.</param>
public sealed record QueryResult(int Series, int Numbers, string? Error)
{
    /// <summary>True when the query succeeded and returned at least one finite value: the panel shows something.</summary>
    public bool HasData => Error is null && Numbers > 0;

    /// <inheritdoc />
    public override string ToString() => Error ?? $"{Series} series, {Numbers} with a finite value";
}
