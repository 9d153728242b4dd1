using System.Net;
using System.Net.Sockets;

namespace AgentSim.Cli.Tests.Validation;

public sealed class SiloInputTests
{
    [Theory]
    [InlineData("ftp://127.0.0.1:9464", "has scheme 'ftp'; use http or https")]
    [InlineData("http://127.0.0.1:99999", "has port '99999'; a port is a whole number from 0 to 65535")]
    [InlineData("http://example.com:9464", "has host 'example.com', which is not an IP address")]
    [InlineData("http://1.2:9464", "has host '1.2', which is not an IP address")]
    [InlineData("http://127.0.0.1:9464/metrics", "has a path ('/metrics'); give only scheme, host and port")]
    public async Task Silo_BadUrl_ExitsTwoSayingWhatIsWrong(string url, string expected)
    {
        var result = await Cli.RunAsync("silo", "--urls", url);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --urls: '{url}' {expected}", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Silo_EmptyUrls_ExitsTwoInsteadOfServingTheDefault()
    {
        var result = await Cli.RunAsync("silo", "--urls", "");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --urls: is empty; give http://HOST:PORT, e.g. http://127.0.0.1:9464 (the default)", result.Error.Trim());
    }

    [Fact]
    public async Task Silo_SecondOfTwoUrlsBad_NamesOnlyThatOne()
    {
        var result = await Cli.RunAsync("silo", "--urls", "http://127.0.0.1:0;http://300.0.0.1:1");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --urls: 'http://300.0.0.1:1' has host '300.0.0.1'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--gateway-port")]
    [InlineData("--silo-port")]
    public async Task Silo_OrleansPortInUse_ExitsTwoNamingTheFlagBecauseOrleansWouldShareIt(string flag)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await Cli.RunAsync("silo", "--urls", "http://127.0.0.1:0", flag, $"{port}");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {flag}: cannot listen on 127.0.0.1 port {port}: port {port} is already in use on 127.0.0.1", result.Error.Trim());
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Silo_SiloAndGatewayOnOnePort_ExitsTwoNamingBoth()
    {
        var result = await Cli.RunAsync("silo", "--silo-port", "30500", "--gateway-port", "30500");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --gateway-port: is the same port as --silo-port (30500); the silo and the gateway each need their own", result.Error.Trim());
    }

    [Fact]
    public async Task Silo_GatewayOnTheHttpPort_ExitsTwoNamingBothFlags()
    {
        var result = await Cli.RunAsync("silo", "--urls", "http://127.0.0.1:30600", "--gateway-port", "30600");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --gateway-port: port 30600 is also a port of --urls ('http://127.0.0.1:30600'); HTTP and Orleans each need their own", result.Error.Trim());
    }

    [Theory]
    [InlineData("--gateway-port", "65536", "--gateway-port must be a whole number from 0 to 65535, got '65536'.")]
    [InlineData("--silo-port", "-1", "--silo-port must be a whole number from 0 to 65535, got '-1'.")]
    public async Task Silo_PortOutOfRange_ExitsTwoNamingTheFlag(string flag, string value, string expected)
    {
        var result = await Cli.RunAsync("silo", flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {expected}", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rate", "none", "--rate must be 0 (the ingress only) or a positive number, got 'none'.")]
    [InlineData("--epoch-seconds", "1e-9", "--epoch-seconds must be a number from 0.001 (one millisecond) to 86400 (one day), got '1e-9'.")]
    [InlineData("--time-scale", "1e-300", "--time-scale must be a number of at least 0.001, got '1e-300'.")]
    public async Task Silo_FlagOutOfBounds_ExitsTwoNamingTheLimit(string flag, string value, string expected)
    {
        var result = await Cli.RunAsync("silo", flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {expected}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_SlowTrickleOfAFiniteScenario_StartsBecauseASiloRunsWithoutEnd()
    {
        // A run of baseline's 20,000 conversations at 0.001 per second in 1-second epochs would pass the epoch limit; a silo has no end to check.
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var silo = AgentSimCli.RunAsync(["silo", "--urls", "http://127.0.0.1:0", "--scenario", "baseline", "--rate", "0.001", "--parallelism", "1"], output, error, interactive: false, stop.Token);
        var waited = 0;
        while (!output.ToString().Contains("traffic:", StringComparison.Ordinal) && !silo.IsCompleted && waited++ < 600)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await stop.CancelAsync();
        var code = await silo;

        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Contains("traffic: baseline, 0.001 conversations per simulated second", output.ToString(), StringComparison.Ordinal);
    }
}
