namespace AgentSim.Observability.Tests.Live;

/// <summary>The built <c>agentsim silo</c> as a process: it stops cleanly on SIGTERM.</summary>
public sealed class SiloProcessTests
{
    [Fact]
    public async Task Silo_Sigterm_StopsCleanlyWithExitCodeZero()
    {
        await using var silo = await SiloProcess.StartAsync("--scenario", "baseline", "--time-scale", "10", "--parallelism", "1");

        var exitCode = await silo.StopAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}:{Environment.NewLine}{silo.Output}");
        Assert.Contains("silo stopped", silo.Output, StringComparison.Ordinal);
    }
}
