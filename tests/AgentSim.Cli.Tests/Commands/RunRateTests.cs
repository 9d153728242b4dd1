using System.Text.Json;

namespace AgentSim.Cli.Tests.Commands;

/// <summary><c>agentsim run --rate N</c> overrides the scenario's arrival rate.</summary>
public sealed class RunRateTests : IDisposable
{
    // One chat channel with quick customers, so a run ends soon after its last arrival.
    private const string Quick = """
        name: quick
        arrivals: {rate_per_second: 1}
        time: {epoch_seconds: 10}
        channels: {mix: {web_chat: 1}, think_seconds: {web_chat: 2}}
        conversation: {turns_needed: {min: 1, max: 2}, max_turns: 4}
        providers:
          - {name: p, channels: [web_chat]}
        routing: {web_chat: {primary: p}}
        agents:
          - name: a
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_RateTenTimesHigher_ArrivalsSpanATenthOfTheTime()
    {
        var slow = await RunAsync("slow", "1");
        var fast = await RunAsync("fast", "10");

        Assert.Contains("at 10/s", fast.Output, StringComparison.Ordinal);
        Assert.NotEqual(slow.Hash, fast.Hash);

        // 2,000 Poisson arrivals take 2,000 s at 1/s (±2.5% at three standard deviations) and 200 s at 10/s; customers
        // think 2 s between at most 4 turns and epochs are 10 s, so the runs end within a minute of the last arrival.
        Assert.InRange(slow.SimulatedSeconds, 1_850, 2_150);
        Assert.InRange(fast.SimulatedSeconds, 180, 290);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("fast")]
    public async Task Run_RateNotAPositiveNumber_ExitsTwoNamingTheFlagAndWritesNothing(string value)
    {
        var outDir = _dir.Combine("bad");
        var result = await Cli.RunAsync("run", "baseline", "--rate", value, "--out", outDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--rate must be a number of at least 0.000001", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    private async Task<(double SimulatedSeconds, string Hash, string Output)> RunAsync(string name, string rate)
    {
        var outDir = _dir.Combine(name);
        var scenario = _dir.Combine("quick.yaml");
        File.WriteAllText(scenario, Quick);
        var result = await Cli.RunAsync("run", scenario, "--seed", "3", "--conversations", "2000", "--engine", "loop", "--rate", rate, "--out", outDir);
        Assert.True(result.ExitCode == 0, result.All);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        using var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "run-info.json")));
        return (results.RootElement.GetProperty("simulated_seconds").GetDouble(), info.RootElement.GetProperty("scenario_hash").GetString()!, result.Output);
    }
}
