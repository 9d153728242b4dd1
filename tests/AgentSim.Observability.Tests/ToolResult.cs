namespace AgentSim.Observability.Tests;

/// <summary>The exit code and combined standard output and error of a finished tool.</summary>
public sealed record ToolResult(int ExitCode, string Output)
{
    /// <summary>Fails the test, showing the tool's output, unless it exited with 0.</summary>
    public void AssertSuccess(string what) =>
        Assert.True(ExitCode == 0, $"{what} exited with {ExitCode}:{Environment.NewLine}{Output}");
}
