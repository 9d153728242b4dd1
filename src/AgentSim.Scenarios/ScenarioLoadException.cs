namespace AgentSim.Scenarios;

/// <summary>Thrown when a scenario cannot be loaded; carries every problem found, not just the first.</summary>
public sealed class ScenarioLoadException : Exception
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    public ScenarioLoadException(IReadOnlyList<ScenarioProblem> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; }
}
