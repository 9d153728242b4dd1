namespace AgentSim.Cli.Tests.Validation;

public sealed class OutputDirectoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("gap")]
    [InlineData("trace")]
    public async Task Command_OutIsAFile_ExitsTwoBeforeRunningAndLeavesTheFileAlone(string command)
    {
        var file = _dir.Write("results", "keep me");
        string[] args = command == "compare" ? ["compare", "baseline", "baseline", "--out", file] : [command, "baseline", "--out", file];

        var result = await Cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --out '{file}' is a file, not a directory ({file})", result.Error.Split('\n')[0].TrimEnd());
        Assert.Equal("keep me", File.ReadAllText(file));
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Run_OutIsEmpty_ExitsTwoNamingTheFlag()
    {
        var result = await Cli.RunAsync("run", "baseline", "--out", "");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --out is empty; give the directory to write to (default: out)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Parameter 'path'", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutUnderAFile_ExitsTwoNamingTheFile()
    {
        var file = _dir.Write("plain", "");
        var outDir = Path.Combine(file, "sub");

        var result = await Cli.RunAsync("run", "baseline", "--out", outDir);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --out '{outDir}' cannot be created: {file} is a file, not a directory", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutWhereNobodyMayCreateADirectory_ExitsTwoNamingThePath()
    {
        // Tests run as root, which ignores permission bits; /proc refuses new directories even to root.
        Assert.SkipUnless(Directory.Exists("/proc/self"), "needs Linux /proc");

        var result = await Cli.RunAsync("run", "baseline", "--out", "/proc/agentsim-out");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --out '/proc/agentsim-out' cannot be created: cannot create a directory in /proc (", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Running", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutExistingButNotWritable_ExitsTwoNamingThePath()
    {
        Assert.SkipUnless(Directory.Exists("/proc/self"), "needs Linux /proc");

        var result = await Cli.RunAsync("run", "baseline", "--out", "/proc/self");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --out '/proc/self' is not writable: cannot create a file in /proc/self (", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutMissingButCreatable_RunsAndCreatesIt()
    {
        var outDir = _dir.Combine("a", "b");

        var result = await Cli.RunAsync("run", "baseline", "--conversations", "50", "--engine", "loop", "--out", outDir);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.True(File.Exists(Path.Combine(outDir, "results.json")));
        Assert.Empty(Directory.GetDirectories(_dir.Path, ".agentsim-check-*", SearchOption.AllDirectories));
    }
}
