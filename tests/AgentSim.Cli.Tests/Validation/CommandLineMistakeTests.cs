using System.Net;
using System.Net.Sockets;

namespace AgentSim.Cli.Tests.Validation;

public sealed class CommandLineMistakeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_FlagTypo_IsReportedAsAnUnknownOption()
    {
        var result = await Cli.RunAsync("run", "--bogus");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: unknown option '--bogus' for 'agentsim run'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate", "-x")]
    [InlineData("compare", "baseline", "--bogus")]
    [InlineData("trace", "--bogus")]
    public async Task Command_OptionLikeArgument_IsReportedAsAnUnknownOption(params string[] args)
    {
        var result = await Cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: unknown option '{args[^1]}' for 'agentsim {args[0]}'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_FileStartingWithADash_CanBeNamedWithDotSlash()
    {
        File.WriteAllText(_dir.Combine("-x.yaml"), TestScenarios.Minimal);

        var result = await Cli.RunAsync("validate", $".{Path.DirectorySeparatorChar}{Path.GetRelativePath(".", _dir.Combine("-x.yaml"))}");

        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public async Task Trace_ConversationAndFind_AreMutuallyExclusive()
    {
        var result = await Cli.RunAsync("trace", "--conversation", "5", "--find", "pii-leak", "--out", _dir.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --conversation and --find cannot be used together", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("out")));
    }

    [Fact]
    public async Task Run_MetricsPortInUse_ExitsTwoBeforeRunning()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await Cli.RunAsync("run", "baseline", "--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", _dir.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --metrics-port {port}: port {port} is already in use on 127.0.0.1", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }
}
