using System.Net;
using System.Net.Sockets;

namespace AgentSim.Cli.Tests.Process;

/// <summary>Bad input that used to crash the process, print stack traces or name no key: each must exit 2 with one clean line.</summary>
public sealed class BadInputProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    [InlineData("silo")]
    public async Task Command_ScenarioNested30000Deep_ExitsTwoWithTheDepthLimitNotAStackOverflow(string command)
    {
        var file = _dir.Write("deep.yaml", "junk: " + new string('[', 30_000) + new string(']', 30_000) + "\n");
        string[] args = command == "silo" ? ["silo", "--urls", "http://127.0.0.1:0", "--scenario", file] : [command, file, "--out", _dir.Combine("out")];
        if (command == "validate")
        {
            args = ["validate", file];
        }

        var result = await AgentsimProcess.RunAsync(null, null, args);

        Assert.True(result.ExitCode == 2, result.All);
        Assert.Equal($"{file}:1: junk: lists and mappings nested deeper than 64 levels (at column 70); a scenario needs only a few levels", result.Error.Trim());
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notaurl", "error: --urls: 'notaurl' is not a URL; write http://HOST:PORT")]
    [InlineData("http://256.1.1.1:9464", "error: --urls: 'http://256.1.1.1:9464' has host '256.1.1.1', which is not an IP address")]
    public async Task Silo_BadUrl_ExitsTwoWithOneLineAndNoStackTrace(string urls, string expected)
    {
        var result = await AgentsimProcess.RunAsync(null, null, "silo", "--urls", urls);

        Assert.True(result.ExitCode == 2, result.All);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_PortInUse_ExitsTwoNamingThePortWithoutAStackTrace()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await AgentsimProcess.RunAsync(null, null, "silo", "--urls", $"http://127.0.0.1:{port}");

        Assert.True(result.ExitCode == 2, result.All);
        Assert.Equal($"error: --urls: cannot listen on 'http://127.0.0.1:{port}': port {port} is already in use on 127.0.0.1", result.Error.Trim());
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_EnvironmentValueNotANumber_NamesTheKeyAndTheVariable()
    {
        var result = await AgentsimProcess.RunAsync(_dir.Path, new Dictionary<string, string> { ["AGENTSIM_SILO__RATE"] = "abc" }, "silo");

        Assert.True(result.ExitCode == 2, result.All);
        Assert.Equal("error: Silo:Rate (environment variable AGENTSIM_SILO__RATE): 'abc' is not a number", result.Error.Trim());
    }

    [Fact]
    public async Task Silo_MalformedAppsettings_NamesTheFileAndLine()
    {
        var file = _dir.Write("appsettings.json", "{\n  \"Silo\": { \"Rate\": 5, }\n  oops\n}\n");

        var result = await AgentsimProcess.RunAsync(_dir.Path, null, "silo");

        Assert.True(result.ExitCode == 2, result.All);
        Assert.StartsWith($"error: {file}:3: invalid JSON: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_UnknownAndBadKeysInAppsettings_AreEachNamedWithTheFile()
    {
        var file = _dir.Write("appsettings.json", """{ "Silo": { "Rat": 5, "Parallelism": 0 } }""");

        var result = await AgentsimProcess.RunAsync(_dir.Path, null, "silo");

        Assert.True(result.ExitCode == 2, result.All);
        Assert.Equal(
            [
                $"error: Silo:Rat ({file}): unknown key; the keys under Silo are Scenario, Rate, TimeScale, EpochSeconds, Seed, Parallelism, ClusterId, Clock, MaxInFlight, SiloPort, GatewayPort, Dashboard, Clustering, Redis, AdvertisedAddress",
                $"error: Silo:Parallelism ({file}): must be a whole number from 1 to 1024, got '0'",
            ],
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
