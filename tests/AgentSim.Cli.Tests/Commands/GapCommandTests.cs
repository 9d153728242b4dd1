using System.Text.Json;

namespace AgentSim.Cli.Tests.Commands;

public class GapCommandTests
{
    private static readonly string[] Small = ["gap", "--enterprises", "6", "--conversations", "150", "--replications", "2", "--seed", "5"];

    [Fact]
    public async Task Gap_SmallRun_WritesEveryOutputWithEverySurveyRowAndItsCounterpart()
    {
        using var dir = new TempDirectory();
        var result = await Cli.RunAsync([.. Small, "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.All);
        foreach (var file in new[] { "results.json", "summary.md", "enterprises.csv", "survey.csv", "correlations.csv", "assumptions.yaml", "report.html" })
        {
            Assert.True(File.Exists(dir.Combine(file)), file);
        }

        Assert.False(File.Exists(dir.Combine("sensitivity.csv")));
        var summary = File.ReadAllText(dir.Combine("summary.md"));
        var html = File.ReadAllText(dir.Combine("report.html"));
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Combine("results.json")));
        var rows = doc.RootElement.GetProperty("survey").EnumerateArray().ToList();
        Assert.Equal(8, rows.Count);
        foreach (var (figure, survey) in new[] { ("reliability", "42%"), ("multi-channel", "37%"), ("AI platform integration", "32%"), ("cross-channel context", "55%"), ("rolled back an agent", "74%"), ("most governed", "81%"), ("r(infrastructure, success)", "0.52"), ("r(guardrail investment, success)", "weaker than 0.52 (no figure given)") })
        {
            var row = Assert.Single(rows, r => r.GetProperty("figure").GetString()!.Contains(figure, StringComparison.Ordinal));
            Assert.Equal(survey, row.GetProperty("survey_text").GetString());
            Assert.Equal(JsonValueKind.Number, row.GetProperty("simulated").GetProperty("mean").ValueKind);
            Assert.Contains(row.GetProperty("source").GetString()!, summary, StringComparison.Ordinal);
            var line = summary.Split('\n').Single(l => l.StartsWith($"| {row.GetProperty("figure").GetString()} |", StringComparison.Ordinal));
            Assert.Contains($"| {survey} |", line, StringComparison.Ordinal);
        }

        Assert.Contains("does not prove", summary, StringComparison.Ordinal);
        Assert.Contains("satisfaction", summary, StringComparison.Ordinal);
        Assert.Equal(12, doc.RootElement.GetProperty("enterprises").GetArrayLength());
        Assert.Equal(13, File.ReadAllLines(dir.Combine("enterprises.csv")).Length);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.Contains("does not prove", html, StringComparison.Ordinal);
        Assert.Contains("replication 2/2 done", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gap_SameSeed_ByteIdenticalResultsJson()
    {
        using var dir = new TempDirectory();
        var first = await Cli.RunAsync([.. Small, "--out", dir.Combine("a")]);
        var second = await Cli.RunAsync([.. Small, "--out", dir.Combine("b")]);
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.Combine("a", "results.json")), File.ReadAllBytes(dir.Combine("b", "results.json")));
        Assert.Equal(File.ReadAllBytes(dir.Combine("a", "report.html")), File.ReadAllBytes(dir.Combine("b", "report.html")));
    }

    [Fact]
    public async Task Gap_EveryShareOne_SaysTheCorrelationIsUndefined()
    {
        using var dir = new TempDirectory();
        var result = await Cli.RunAsync(["gap", "--enterprises", "4", "--conversations", "60", "--replications", "2", "--unreliable-share", "1", "--limited-channels-share", "1", "--no-ai-integration-share", "1", "--custom-context-share", "1", "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.All);
        var summary = File.ReadAllText(dir.Combine("summary.md"));
        var line = summary.Split('\n').Single(l => l.StartsWith("| infrastructure quality", StringComparison.Ordinal));
        Assert.Contains("undefined", line, StringComparison.Ordinal);
        Assert.DoesNotContain("0.000", line, StringComparison.Ordinal);
        Assert.Contains("undefined", result.Output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Combine("results.json")));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("estimates").GetProperty("infrastructure_r").GetProperty("mean").ValueKind);
        Assert.DoesNotContain("NaN", File.ReadAllText(dir.Combine("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gap_AssumptionsFileWithSensitivity_UsesTheFileAndWritesTheTable()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("my-assumptions.yaml", "population:\n  enterprises: 4\n  horizon_conversations: 60\n  replications: 2\nsensitivity:\n  horizons: [30, 60]\n");
        var result = await Cli.RunAsync("gap", "--assumptions", file, "--sensitivity", "--out", dir.Combine("out"));
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(3, File.ReadAllLines(dir.Combine("out", "sensitivity.csv")).Length);
        Assert.Contains("horizon_conversations: 60", File.ReadAllText(dir.Combine("out", "assumptions.yaml")), StringComparison.Ordinal);
        Assert.Contains("Sensitivity to the horizon", File.ReadAllText(dir.Combine("out", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gap_BadAssumptionsFile_ExitsTwoNamingFileLineAndField()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bad.yaml", "shares:\n  unreliable_provider: 1.5\n");
        var result = await Cli.RunAsync("gap", "--assumptions", file, "--out", dir.Combine("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}:2: shares.unreliable_provider: must be from 0 to 1", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [Fact]
    public async Task Gap_MissingAssumptionsFile_ExitsTwo()
    {
        var result = await Cli.RunAsync("gap", "--assumptions", "/no/such/assumptions.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/assumptions.yaml", result.Error, StringComparison.Ordinal);
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
