using AgentSim.Model.Engine;
using AgentSim.Model.Results;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Results;

/// <summary>Placement is named per guardrail kind; a scenario is called defense-in-depth only when every kind is on both.</summary>
public class PlacementNamingTests
{
    [Theory]
    [InlineData("baseline", "mixed")]                 // platform layers plus one application groundedness check
    [InlineData("platform-native", "platform-native")]
    [InlineData("application-only", "application-only")]
    [InlineData("defense-in-depth", "defense-in-depth")]
    public void Placement_OfEachPreset(string preset, string expected)
    {
        var world = World.Compile(Presets.Load(preset));
        Assert.Equal(expected, ResultsBuilder.PlacementOf(world));
    }

    [Fact]
    public void PlacementByKind_OfTheBaseline_SaysWhichKindIsApplicationBuilt()
    {
        var byKind = ResultsBuilder.PlacementByKind(World.Compile(Presets.Load("baseline")));
        Assert.Equal("application", byKind["groundedness"]);
        Assert.Equal("platform", byKind["pii"]);
        Assert.Equal("platform", byKind["audit"]);
    }
}
