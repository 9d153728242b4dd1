namespace AgentSim.Scenarios.Reading;

/// <summary>Thrown by <see cref="DepthLimitedParser"/> when lists and mappings nest deeper than <see cref="RunLimits.MaxNestingDepth"/>.</summary>
internal sealed class NestingTooDeepException(int line, int column, string field)
    : Exception($"lists and mappings nested deeper than {RunLimits.MaxNestingDepth} levels (at column {column}); a scenario needs only a few levels")
{
    /// <summary>The 1-based line where the limit was passed.</summary>
    public int Line { get; } = line;

    /// <summary>The column where the limit was passed.</summary>
    public int Column { get; } = column;

    /// <summary>The path of the innermost named key holding the too-deep value (<c>document</c> when there is none).</summary>
    public string Field { get; } = field;
}
