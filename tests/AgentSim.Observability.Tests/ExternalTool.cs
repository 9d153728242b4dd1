using System.Diagnostics;

namespace AgentSim.Observability.Tests;

/// <summary>Finds command-line tools on PATH and runs them, capturing their output.</summary>
public static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The full path of <paramref name="name"/> on PATH; fails the test with <paramref name="installHint"/> if absent.</summary>
    public static string Require(string name, string installHint)
    {
        var path = Find(name);
        Assert.True(path is not null, $"'{name}' was not found on PATH. {installHint}");
        return path!;
    }

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name)
    {
        var candidates = OperatingSystem.IsWindows() ? new[] { name + ".exe", name } : [name];
        var pathVariable = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in candidates)
            {
                var full = Path.Combine(dir, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    /// <summary>Runs <paramref name="fileName"/> in the repository root and returns its exit code and combined output.</summary>
    public static async Task<ToolResult> RunAsync(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        using var cancellation = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancellation.Token);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new ToolResult(process.ExitCode, await stdout + await stderr);
    }
}
