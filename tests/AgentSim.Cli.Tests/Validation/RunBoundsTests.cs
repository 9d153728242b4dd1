namespace AgentSim.Cli.Tests.Validation;

public sealed class RunBoundsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("time:\n  epoch_seconds: 1e-9\n", "time.epoch_seconds: must be between 0.001 (one millisecond) and 86400 (one day) seconds, got 1E-09")]
    [InlineData("arrivals:\n  rate_per_second: 1e-300\n", "arrivals.rate_per_second: must be at least 0.000001 (the lowest rate AgentSim runs: one conversation in about 11.6 simulated days), got 1E-300")]
    public async Task Run_ValueThatWouldNeverFinish_ExitsTwoNamingFileLineAndKeyAndWritesNothing(string section, string expected)
    {
        var file = _dir.Write("stuck.yaml", TestScenarios.Minimal + section);
        var outDir = _dir.Combine("out");

        var result = await Cli.RunAsync("run", file, "--engine", "loop", "--out", outDir);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"{file}:{TestScenarios.MinimalLines + 2}: {expected}", result.Error.Trim());
        Assert.DoesNotContain("Running", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Validate_ValueThatWouldNeverFinish_ExitsTwo()
    {
        var file = _dir.Write("stuck.yaml", TestScenarios.Minimal + "time:\n  epoch_seconds: 1e-9\n");

        var result = await Cli.RunAsync("validate", file);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"{file}:{TestScenarios.MinimalLines + 2}: time.epoch_seconds: must be between 0.001", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("trace")]
    public async Task Command_HugeConversationCount_ExitsTwoNamingTheFlagAndTheLimit(string command)
    {
        var result = await Cli.RunAsync(command, "baseline", "--conversations", "99999999999999", "--out", _dir.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--conversations must be a whole number from 1 to 1000000000, got '99999999999999'.", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("out")));
    }

    [Fact]
    public async Task Run_ConversationsThatNeedTooManyEpochs_ExitsTwoBeforeTheRun()
    {
        // Valid as a file (10 conversations), but 1,000,000 at 0.001 per second in 1-second epochs need about 1e9 epochs.
        var file = _dir.Write("slow.yaml", TestScenarios.Minimal + "conversations: 10\narrivals:\n  rate_per_second: 0.001\ntime:\n  epoch_seconds: 1\n");

        var result = await Cli.RunAsync("run", file, "--conversations", "1000000", "--out", _dir.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --conversations 1000000: 1000000 conversations at 0.001 per second in epochs of 1 s need about 1E+09 epochs; the limit is 1,000,000", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Running", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("out")));
    }

    [Fact]
    public async Task Compare_SecondScenarioTooSlowForTheFirstsCount_ExitsTwoNamingIt()
    {
        var slow = _dir.Write("slow.yaml", TestScenarios.Minimal + "conversations: 10\narrivals:\n  rate_per_second: 0.01\ntime:\n  epoch_seconds: 0.01\n");

        var result = await Cli.RunAsync("compare", "baseline", slow, "--out", _dir.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: tiny with the first scenario's 20000 conversations: 20000 conversations at 0.01 per second", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("out")));
    }

    [Fact]
    public async Task Gap_ConversationsPerEnterpriseThatNeedTooManyEpochs_ExitsTwoBeforeTheExperiment()
    {
        var file = _dir.Write("slow.yaml", TestScenarios.Minimal + "conversations: 10\narrivals:\n  rate_per_second: 0.001\ntime:\n  epoch_seconds: 1\n");

        var result = await Cli.RunAsync("gap", file, "--conversations", "10000000", "--out", _dir.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --conversations 10000000 (per enterprise): 10000000 conversations at 0.001 per second", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("out")));
    }
}
