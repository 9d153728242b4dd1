using YamlDotNet.Core;

namespace AgentSim.Scenarios.Reading;

/// <summary>Thrown by <see cref="DepthLimitedParser"/> when lists and mappings nest deeper than <see cref="RunLimits.MaxNestingDepth"/>.</summary>
// A <see cref="YamlException"/>, so that whoever catches parse errors catches this one too.
internal sealed class NestingTooDeepException(Mark start, string field)
    : YamlException(start, start, Describe(start))
{
    /// <summary>What is wrong, without the position prefix <see cref="YamlException"/> puts in its message.</summary>
    public string Detail { get; } = Describe(start);

    /// <summary>The 1-based line where the limit was passed.</summary>
    public int Line { get; } = checked((int)start.Line);

    /// <summary>The path of the innermost named key holding the too-deep value (<c>document</c> when there is none).</summary>
    public string Field { get; } = field;

    private static string Describe(Mark start) =>
        $"lists and mappings nested deeper than {RunLimits.MaxNestingDepth} levels (at column {start.Column}); a scenario needs only a few levels";
}
