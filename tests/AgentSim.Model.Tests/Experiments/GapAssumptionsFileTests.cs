using AgentSim.Model.Experiments;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Experiments;

/// <summary>The assumptions file: the shipped defaults, round trips, and problems naming file, line and key.</summary>
public class GapAssumptionsFileTests
{
    private static string Shipped()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "scenarios", "experiments", "gap-assumptions.yaml");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("scenarios/experiments/gap-assumptions.yaml not found above the test binaries");
    }

    [Fact]
    public void ShippedFile_IsTheBuiltInDefaults()
    {
        var loaded = GapAssumptionsFile.Load(Shipped());
        Assert.Equal(GapAssumptionsFile.Write(new GapAssumptions()), GapAssumptionsFile.Write(loaded));
    }

    [Fact]
    public void Write_ThenParse_GivesTheSameValues()
    {
        var a = new GapAssumptions { Enterprises = 7, UnreliableShare = 0.1, WeightWaits = 0.3, SensitivityHorizons = [100, 200] };
        var text = GapAssumptionsFile.Write(a);
        Assert.Equal(text, GapAssumptionsFile.Write(GapAssumptionsFile.Parse(text, "a.yaml")));
    }

    [Fact]
    public void Parse_Json_ReadsTheSameKeys()
    {
        var a = GapAssumptionsFile.Parse("""{"population": {"enterprises": 12}, "shares": {"custom_context": 0.2}}""", "a.json");
        Assert.Equal(12, a.Enterprises);
        Assert.Equal(0.2, a.CustomContextShare);
        Assert.Equal(new GapAssumptions().UnreliableShare, a.UnreliableShare);
    }

    [Theory]
    [InlineData("shares:\n  unreliable_provider: 1.5\n", 2, "shares.unreliable_provider", "must be from 0 to 1")]
    [InlineData("population:\n  enterprises: 2.5\n", 2, "population.enterprises", "whole number")]
    [InlineData("shares:\n  unreliable: 0.4\n", 2, "shares.unreliable", "unknown key; expected one of: unreliable_provider")]
    [InlineData("success:\n  weights:\n    resolution: x\n", 3, "success.weights.resolution", "expected a number")]
    [InlineData("sensitivity:\n  horizons: [100, -1]\n", 2, "sensitivity.horizons[1]", "whole number of conversations")]
    [InlineData("success:\n  weights: {resolution: 0, trust: 0, abandonment: 0, waits: 0, rollbacks: 0}\n", 2, "success.weights", "at least one weight")]
    public void Parse_BadValue_ProblemNamesFileLineAndKey(string yaml, int line, string field, string message)
    {
        var ex = Assert.Throws<ScenarioLoadException>(() => GapAssumptionsFile.Parse(yaml, "my.yaml"));
        var p = Assert.Single(ex.Problems);
        Assert.Equal("my.yaml", p.File);
        Assert.Equal(line, p.Line);
        Assert.Equal(field, p.Field);
        Assert.Contains(message, p.Message, StringComparison.Ordinal);
    }
}
