namespace AgentSim.Cli.Tests.Commands;

public class CompareCommandTests
{
    [Fact]
    public async Task Compare_OutageAgainstBaseline_ShowsFailuresOnlyWithoutFailover()
    {
        using var dir = new TempDirectory();
        var result = await Cli.RunAsync("compare", "provider-outage", "baseline", "--conversations", "3000", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.All);
        var markdown = File.ReadAllText(dir.Combine("compare.md"));
        Assert.Contains("| measure | provider-outage | baseline | difference |", markdown, StringComparison.Ordinal);
        var failed = markdown.Split('\n').Single(l => l.StartsWith("| failed |", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        Assert.True(double.Parse(failed[2].TrimEnd('%', ' '), System.Globalization.CultureInfo.InvariantCulture) > 5, failed[2]);
        Assert.True(File.Exists(dir.Combine("results-provider-outage.json")));
        Assert.True(File.Exists(dir.Combine("results-baseline.json")));
    }

    [Fact]
    public async Task Compare_UnknownScenario_ExitsTwoWithoutStackTrace()
    {
        var result = await Cli.RunAsync("compare", "baseline", "nope");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
