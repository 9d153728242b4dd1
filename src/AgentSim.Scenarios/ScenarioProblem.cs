namespace AgentSim.Scenarios;

/// <summary>One problem found in a scenario file: where it is (file, 1-based line, dotted field path) and what is wrong.</summary>
/// <param name="File">The file name or path the problem was found in.</param>
/// <param name="Line">1-based line of the offending node; 0 when the file itself is missing or unreadable.</param>
/// <param name="Field">Dotted path of the field, e.g. <c>providers[1].error_rate</c> or <c>routing.voice.primary</c>.</param>
/// <param name="Message">What is wrong and, where it helps, what is allowed.</param>
public sealed record ScenarioProblem(string File, int Line, string Field, string Message)
{
    /// <summary>Formats the problem as <c>file:line: field: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
