using System.Text.Json;
using AgentSim.Host.Hosting;

namespace AgentSim.Cli.Tests.Faults;

/// <summary><c>agentsim fault add|list|show|end</c> end to end against a running silo over HTTP, and its errors.</summary>
[Collection(nameof(RuntimeFaultApiTests))]
public sealed class FaultCommandTests
{
    [Fact]
    public async Task AddListShowEnd_AgainstARunningSilo()
    {
        await using var silo = await FaultSilo.StartAsync();
        var url = silo.BaseUri.ToString();

        var add = await Cli.RunAsync("fault", "add", "--url", url, "--kind", "provider_throttling", "--provider", "omnicx", "--channel", "voice", "--rate", "0.4", "--duration", "60");
        Assert.True(add.ExitCode == 0, add.All);
        Assert.Contains("fault 1 active: provider_throttling on omnicx/voice rate=0.4", add.Output, StringComparison.Ordinal);
        Assert.Equal(0.4, Assert.Single(silo.Run.Faults.Windows).Rate);

        var later = await Cli.RunAsync("fault", "add", "--url", url, "--kind", "provider_outage", "--provider", "backupcx", "--start", "300", "--duration", "60");
        Assert.True(later.ExitCode == 0, later.All);
        Assert.Contains("fault 2 scheduled: provider_outage on backupcx", later.Output, StringComparison.Ordinal);

        var list = await Cli.RunAsync("fault", "list", "--url", url);
        Assert.True(list.ExitCode == 0, list.All);
        Assert.Contains("provider_throttling", list.Output, StringComparison.Ordinal);
        Assert.Contains("omnicx/voice", list.Output, StringComparison.Ordinal);
        Assert.Contains("scheduled", list.Output, StringComparison.Ordinal);

        var json = await Cli.RunAsync("fault", "list", "--url", url, "--json");
        Assert.True(json.ExitCode == 0, json.All);
        Assert.Equal(2, JsonDocument.Parse(json.Output).RootElement.GetProperty("faults").GetArrayLength());

        var show = await Cli.RunAsync("fault", "show", "2", "--url", url);
        Assert.True(show.ExitCode == 0, show.All);
        Assert.Contains("fault 2 scheduled", show.Output, StringComparison.Ordinal);

        foreach (var id in new[] { "1", "2" })
        {
            var end = await Cli.RunAsync("fault", "end", id, "--url", url);
            Assert.True(end.ExitCode == 0, end.All);
            Assert.Contains($"fault {id} ended", end.Output, StringComparison.Ordinal);
        }

        var empty = await Cli.RunAsync("fault", "list", "--url", url);
        Assert.True(empty.ExitCode == 0, empty.All);
        Assert.Contains("no faults in force or scheduled", empty.Output, StringComparison.Ordinal);
        Assert.Empty(silo.Run.Faults.Windows);
    }

    [Fact]
    public async Task BadInput_Exit2WithTheSilosProblems_UnknownId_Exit2()
    {
        await using var silo = await FaultSilo.StartAsync();
        var url = silo.BaseUri.ToString();

        var kind = await Cli.RunAsync("fault", "add", "--url", url, "--kind", "provider_meltdown", "--provider", "omnicx", "--duration", "5");
        Assert.True(kind.ExitCode == 2, kind.All);
        Assert.Contains("error: kind: 'provider_meltdown' is not a fault kind; the kinds are provider_outage", kind.Error, StringComparison.Ordinal);

        var provider = await Cli.RunAsync("fault", "add", "--url", url, "--kind", "provider_outage", "--provider", "acme", "--duration", "5");
        Assert.True(provider.ExitCode == 2, provider.All);
        Assert.Contains("error: provider: unknown provider 'acme'; the scenario's providers are omnicx, backupcx", provider.Error, StringComparison.Ordinal);

        var unknown = await Cli.RunAsync("fault", "end", "42", "--url", url);
        Assert.True(unknown.ExitCode == 2, unknown.All);
        Assert.Contains("There is no fault '42'", unknown.Error, StringComparison.Ordinal);

        foreach (var args in new[]
        {
            new[] { "fault", "add", "--url", url, "--kind", "provider_outage", "--provider", "omnicx" },
            ["fault", "add", "--url", url, "--kind", "provider_throttling", "--provider", "omnicx", "--rate", "2", "--duration", "5"],
            ["fault", "add", "--url", url, "--kind", "provider_outage", "--provider", "omnicx", "--duration", "-3"],
            ["fault", "end", "abc", "--url", url],
            ["fault", "list", "--url", "ftp://example"],
        })
        {
            var result = await Cli.RunAsync(args);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)}: {result.All}");
        }

        Assert.Empty(await silo.ListAsync());
    }

    [Fact]
    public async Task UnreachableSilo_Exit1NamingTheUrl()
    {
        var port = FreePorts.Take(1)[0];
        var url = $"http://127.0.0.1:{port}";
        var result = await Cli.RunAsync("fault", "list", "--url", url);
        Assert.True(result.ExitCode == 1, result.All);
        Assert.Contains($"cannot reach the silo at {url}/", result.Error, StringComparison.Ordinal);
    }
}
