namespace AgentSim.Cli.Tests;

/// <summary>What one in-process or subprocess invocation of the CLI produced.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output and standard error together, for messages.</summary>
    public string All => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
