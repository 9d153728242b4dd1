using AgentSim.Scenarios.Experiments;

namespace AgentSim.Scenarios.Tests.Experiments;

/// <summary>A sweep's path into a scenario: by key, by item name, by position, every item; errors say what exists.</summary>
public class ScenarioPathTests
{
    private static ScenarioYaml Baseline() => ScenarioYaml.Parse(new ScenarioSource(Presets.GetText("baseline"), "baseline.yaml", "preset:baseline"));

    private static Model.Configuration.ScenarioConfig Set(string path, string value)
    {
        var yaml = Baseline();
        Assert.Null(ScenarioPath.TryParse(path, out _)!.Set(yaml, value));
        return ScenarioLoader.LoadText(yaml.Text(), "swept.yaml");
    }

    [Fact]
    public void Set_ByItemName_ChangesOnlyThatProvider()
    {
        var s = Set("providers.backupcx.error_rate", "0.25");
        Assert.Equal(0.25, s.Providers.Single(p => p.Name == "backupcx").ErrorRate);
        Assert.Equal(0.002, s.Providers.Single(p => p.Name == "omnicx").ErrorRate);
    }

    [Fact]
    public void Set_ByPositionAndCreatingMissingKeys()
    {
        var s = Set("providers.0.availability.mttr_minutes", "90");
        Assert.Equal(90, s.Providers[0].Availability.MttrMinutes);
        Assert.Equal(0.25, Set("channels.switch_probability", "0.25").Channels.SwitchProbability);
        Assert.Equal(3, Set("arrivals.rate_per_second", "3").Arrivals.RatePerSecond);
    }

    [Fact]
    public void Set_EveryItem_WithAStar()
    {
        var s = Set("agents.*.governance.incident_budget", "7");
        Assert.All(s.Agents, a => Assert.Equal(7, a.Governance.IncidentBudget));
        Assert.Equal(2, s.Agents.Count);
        Assert.Equal(120, Set("human_queues.humans.servers", "120").HumanQueues.Single().Servers);
    }

    [Theory]
    [InlineData("providers.nope.error_rate", "no item 'nope' in 'providers' (items: omnicx, backupcx")]
    [InlineData("providers.omnicx", "'providers.omnicx' is a list item, not a single value")]
    [InlineData("providers.omnicx.latency", "'providers.omnicx.latency' is a mapping, not a single value")]
    [InlineData("seed.x", "'seed' is a single value; it has no 'x'")]
    public void Set_AWrongPath_SaysWhatIsWrongAndWhatExists(string path, string expected)
    {
        var problem = ScenarioPath.TryParse(path, out _)!.Set(Baseline(), "1");
        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("providers..error_rate")]
    [InlineData("")]
    [InlineData("a b")]
    public void TryParse_Malformed_IsRefused(string path)
    {
        Assert.Null(ScenarioPath.TryParse(path, out var problem));
        Assert.Contains("is not a scenario path", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x=1", "at least two values")]
    [InlineData("x=1,b", "'b' is not a number")]
    [InlineData("x=1,1", "given twice")]
    [InlineData("x", "expected PATH=V1,V2")]
    public void SweepSpec_Malformed_IsRefused(string text, string expected)
    {
        Assert.Null(SweepSpec.TryParse(text, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SweepSpec_KeepsTheValuesInOrder()
    {
        var spec = SweepSpec.TryParse("agents.*.governance.incident_budget=100, 30,3", out _)!;
        Assert.Equal([100, 30, 3], spec.Values);
        Assert.Equal("agents.*.governance.incident_budget", spec.Path.Text);
    }
}
