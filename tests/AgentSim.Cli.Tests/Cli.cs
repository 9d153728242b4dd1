namespace AgentSim.Cli.Tests;

/// <summary>Runs the <c>agentsim</c> command line in-process.</summary>
public static class Cli
{
    /// <summary>Runs a command line and captures its output.</summary>
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AgentSimCli.RunAsync(args, output, error, interactive: false, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
