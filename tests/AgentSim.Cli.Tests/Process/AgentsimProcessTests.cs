using System.Diagnostics;

namespace AgentSim.Cli.Tests.Process;

public sealed class AgentsimProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Validate_MalformedFile_ProcessExitsTwoWithProblemLinesOnly()
    {
        var file = _dir.Write("broken.yaml", TestScenarios.Malformed);

        var result = await RunAsync("validate", file);

        Assert.Equal(2, result.ExitCode);
        Assert.All(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.True(TestScenarios.IsProblemLine(line, file), line));
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownPreset_ProcessExitsTwoWithoutStackTrace()
    {
        var result = await RunAsync("run", "no-such-preset", "--out", _dir.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no preset named 'no-such-preset'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    private static async Task<CliResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "agentsim.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
