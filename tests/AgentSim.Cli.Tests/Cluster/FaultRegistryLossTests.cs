using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentSim.Host.Hosting;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>
/// The runtime-fault registry is stored in Redis on a Redis cluster: after <c>kill -9</c> of the silo holding it, a
/// survivor still lists the fault that was added, and the next fault gets the next id.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class FaultRegistryLossTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillNineOfTheSiloHoldingTheFaultRegistry_ASurvivorStillListsItsFault_AndIdsGoOn()
    {
        var ct = TestContext.Current.CancellationToken;
        // Silos serving a scenario (the fault API needs traffic to act on); none gets any here.
        await using var cluster = await LiveSiloCluster.StartAsync();
        using var http = new HttpClient();
        var added = await PostAsync(http, cluster.Silos[0].BaseUri, ct);

        // Which silo holds the registry: Orleans' management grain knows each silo's activations.
        await using (var client = await AgentSimClusterClient.ConnectAsync(cluster.Redis.Address, cluster.ClusterId, cancellation: ct))
        {
            var statistics = await client.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics(ct);
            var holder = Assert.Single(statistics, s => s.GrainType.Contains("RuntimeFaultsGrain", StringComparison.Ordinal) && s.ActivationCount > 0);
            var victim = cluster.Silos.Single(s => s.SiloPort == holder.SiloAddress.Endpoint.Port);
            await victim.KillAsync();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"killed silo {victim.SiloPort}, which held the registry"));
            Assert.NotNull(await cluster.Membership.TimeUntilDeadAsync(victim.SiloPort, TimeSpan.FromSeconds(30), ct));
        }

        var survivor = cluster.Silos.First(s => !s.HasExited);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        JsonElement[] listed = [];
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                listed = [.. (await http.GetFromJsonAsync<JsonElement>(new Uri(survivor.BaseUri, "/api/faults"), ct)).GetProperty("faults").EnumerateArray()];
                break;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200, ct);
            }
        }

        var kept = Assert.Single(listed);
        Assert.Equal(added, kept.GetProperty("id").GetInt64());
        Assert.Equal("provider_outage", kept.GetProperty("kind").GetString());
        Assert.Equal(added + 1, await PostAsync(http, survivor.BaseUri, ct));
    }

    private static async Task<long> PostAsync(HttpClient http, Uri silo, CancellationToken ct)
    {
        using var response = await http.PostAsync(new Uri(silo, "/api/faults"), new StringContent("""{"kind":"provider_outage","provider":"omnicx","duration":600}""", System.Text.Encoding.UTF8, "application/json"), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }
}
