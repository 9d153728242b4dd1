namespace AgentSim.Scenarios.Tests;

/// <summary>Assertions over reported problems.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts a problem with this file, line and field exists and returns it.</summary>
    public static ScenarioProblem Has(IReadOnlyList<ScenarioProblem> problems, string file, int line, string field)
    {
        var match = problems.FirstOrDefault(p => p.File == file && p.Line == line && p.Field == field);
        Assert.True(match is not null, $"Expected a problem at {file}:{line}: {field}; got:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        return match!;
    }
}
