namespace AgentSim.Scenarios.Tests;

/// <summary><c>agents[].concurrency</c>: a whole number of answers served at once, omitted = unlimited.</summary>
public sealed class AgentConcurrencyTests
{
    private const string File = "c.yaml";

    [Fact]
    public void Load_Omitted_IsUnlimited() => Assert.Null(ScenarioLoader.LoadText(Yaml.Minimal, File).Agents[0].Concurrency);

    [Fact]
    public void Load_Given_IsRead() => Assert.Equal(12, ScenarioLoader.LoadText(Yaml.Minimal + "\n    concurrency: 12", File).Agents[0].Concurrency);

    [Theory]
    [InlineData("0", "must be 1 or more, got 0")]
    [InlineData("2.5", "expected a whole number, got '2.5'")]
    public void Validate_NotAPositiveWholeNumber_IsReportedWithLineAndField(string value, string message)
    {
        var problem = Assert.Single(ScenarioLoader.ValidateText(Yaml.Minimal + "\n    concurrency: " + value, File));

        Assert.Equal((11, "agents[0].concurrency", message), (problem.Line, problem.Field, problem.Message));
    }
}
