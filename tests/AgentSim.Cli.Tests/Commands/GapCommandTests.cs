using System.Text.Json;

namespace AgentSim.Cli.Tests.Commands;

public class GapCommandTests
{
    [Fact]
    public async Task Gap_SmallPopulation_WritesReportAndRepeatsForTheSameSeed()
    {
        using var dir = new TempDirectory();
        var first = await Cli.RunAsync("gap", "--enterprises", "8", "--conversations", "150", "--seed", "5", "--out", dir.Combine("a"));
        var second = await Cli.RunAsync("gap", "--enterprises", "8", "--conversations", "150", "--seed", "5", "--out", dir.Combine("b"));
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Equal(0, second.ExitCode);
        var json = File.ReadAllText(dir.Combine("a", "gap.json"));
        Assert.Equal(json, File.ReadAllText(dir.Combine("b", "gap.json")));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(8, doc.RootElement.GetProperty("enterprises").GetArrayLength());
        Assert.Contains("does not prove", File.ReadAllText(dir.Combine("a", "gap.md")), StringComparison.Ordinal);
        Assert.Contains("infrastructure quality", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gap_ShareOutOfRange_ExitsTwoNamingTheOption()
    {
        var result = await Cli.RunAsync("gap", "--unreliable-share", "1.5");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--unreliable-share must be a number from 0 to 1", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gap_UnknownScenario_ExitsTwoListingPresets()
    {
        var result = await Cli.RunAsync("gap", "no-such-preset");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("baseline", result.Error, StringComparison.Ordinal);
    }
}
