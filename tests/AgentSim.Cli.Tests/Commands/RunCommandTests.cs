using System.Text.Json;

namespace AgentSim.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private const string Conversations = "1500";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_BaselineWithSeed_WritesResultsRunInfoAndSummary()
    {
        var outDir = _dir.Combine("out");

        var result = await Cli.RunAsync("run", "baseline", "--seed", "7", "--conversations", Conversations, "--out", outDir);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(["report.html", "results.json", "run-info.json", "summary.md"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"Wrote results.json, run-info.json, summary.md and report.html to {Path.GetFullPath(outDir)}", result.Output, StringComparison.Ordinal);
        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run-info.json")));
        var root = info.RootElement;
        Assert.Equal("orleans", root.GetProperty("engine").GetString());
        Assert.Equal(7UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(1500, root.GetProperty("conversations").GetInt64());
        Assert.Equal("preset:baseline", root.GetProperty("scenario_path").GetString());
        Assert.Equal(64, root.GetProperty("scenario_hash").GetString()!.Length);
        Assert.True(root.GetProperty("duration_seconds").GetDouble() > 0);
        Assert.StartsWith("10.", root.GetProperty("orleans_version").GetString(), StringComparison.Ordinal);
        foreach (var key in new[] { "started_at", "ended_at", "conversations_per_second", "parallelism", "agentsim_version", "dotnet_version", "os", "processor_count" })
        {
            Assert.True(root.TryGetProperty(key, out _), key);
        }

        var results = File.ReadAllText(Path.Combine(outDir, "results.json"));
        Assert.Contains("\"conversations\": 1500", results, StringComparison.Ordinal);
        var summary = File.ReadAllText(Path.Combine(outDir, "summary.md"));
        foreach (var title in new[] { "## Outcomes", "## Abandoned, by reason", "## Human queues", "## AI agents (capacity)", "## Providers (quota)", "## Rollbacks and context", "## Incidents by kind", "## PII leaks by channel", "## Turn latency by channel", "## Guardrail layers" })
        {
            Assert.Contains(title, summary, StringComparison.Ordinal);
            Assert.Contains(title[3..], result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("context-loss rate (losses / switches)", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Run_SameSeedTwice_ResultsAreByteIdentical()
    {
        var first = await ResultsAsync("a");
        var second = await ResultsAsync("b");

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Run_Parallelism1And4_ResultsAreByteIdentical()
    {
        var one = await ResultsAsync("p1", "--parallelism", "1");
        var four = await ResultsAsync("p4", "--parallelism", "4");

        Assert.Equal(one, four);
    }

    [Fact]
    public async Task Run_AnotherSeed_ResultsDiffer()
    {
        var seven = await ResultsAsync("s7");
        var eight = await ResultsWithSeedAsync("s8", "8");

        Assert.NotEqual(seven, eight);
    }

    [Fact]
    public async Task Run_LoopAndOrleansEngines_ResultsAreByteIdentical()
    {
        var orleans = await ResultsAsync("orleans", "--engine", "orleans", "--parallelism", "3");
        var loop = await ResultsAsync("loop", "--engine", "loop", "--parallelism", "2");

        Assert.Equal(orleans, loop);
    }

    [Fact]
    public async Task Run_ScenarioFile_RunsItAndRecordsItsPath()
    {
        var file = _dir.Write("mine.yaml", AgentSim.Scenarios.Presets.GetText("platform-native"));
        var outDir = _dir.Combine("file-out");

        var result = await Cli.RunAsync("run", file, "--conversations", "500", "--engine", "loop", "--out", outDir);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"\"scenario_path\": \"{file}\"", File.ReadAllText(Path.Combine(outDir, "run-info.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MetricsPort_ServesTheEndpointAndStillWritesResults()
    {
        var outDir = _dir.Combine("metrics-out");

        var result = await Cli.RunAsync("run", "--conversations", "500", "--engine", "loop", "--metrics-port", "0", "--out", outDir);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("metrics: http://127.0.0.1:", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "results.json")));
    }

    [Fact]
    public async Task Run_UnknownPreset_ExitsTwoNamingThePresetsWithoutStackTrace()
    {
        var result = await Cli.RunAsync("run", "no-such-preset", "--out", _dir.Combine("x"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-preset", result.Error, StringComparison.Ordinal);
        Assert.Contains("baseline", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("x")));
    }

    [Fact]
    public async Task Run_MissingFile_ExitsTwo()
    {
        var result = await Cli.RunAsync("run", _dir.Combine("missing", "scenario.yaml"));

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidScenarioFile_ExitsTwoPrintingEveryProblem()
    {
        var file = _dir.Write("broken.yaml", TestScenarios.Malformed);

        var result = await Cli.RunAsync("run", file, "--out", _dir.Combine("x"));

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 4, result.All);
        Assert.All(lines, line => Assert.True(TestScenarios.IsProblemLine(line, file), line));
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--engine", "warp")]
    [InlineData("--conversations", "0")]
    [InlineData("--conversations", "many")]
    [InlineData("--seed", "-1")]
    [InlineData("--parallelism", "0")]
    [InlineData("--parallelism", "1.5")]
    [InlineData("--metrics-port", "70000")]
    [InlineData("--no-such-option", "1")]
    public async Task Run_BadOptionValue_ExitsTwoWithoutStackTrace(string option, string value)
    {
        var result = await Cli.RunAsync("run", option, value, "--out", _dir.Combine("x"));

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    private Task<string> ResultsAsync(string name, params string[] options) => ResultsWithSeedAsync(name, "7", options);

    private async Task<string> ResultsWithSeedAsync(string name, string seed, params string[] options)
    {
        var outDir = _dir.Combine(name);
        var result = await Cli.RunAsync(["run", "baseline", "--seed", seed, "--conversations", Conversations, "--out", outDir, .. options]);
        Assert.True(result.ExitCode == 0, result.All);
        return File.ReadAllText(Path.Combine(outDir, "results.json"));
    }
}
