using System.Text.RegularExpressions;
using AgentSim.Abstractions.Grains;
using AgentSim.Grains.Worlds;
using AgentSim.Host.Hosting;
using AgentSim.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentSim.Cli.Tests.Http;

/// <summary><c>agentsim silo --cluster-id ID --gateway-port P</c>: an Orleans client on the same machine reaches its grains.</summary>
[Collection(nameof(HostServerCollection))]
public sealed partial class SiloGatewayTests
{
    [Fact]
    public async Task Silo_GivenClusterIdAndGatewayPort_AnOrleansClientRunsAConversationRunThroughTheGateway()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = $"gateway-test-{Guid.NewGuid():N}";
        var ports = FreePorts.Take(2);
        await using var silo = await InProcessSilo.StartAsync(["--urls", "http://127.0.0.1:0", "--cluster-id", clusterId, "--silo-port", $"{ports[0]}", "--gateway-port", $"{ports[1]}"], ct);
        Assert.Contains($"orleans   gateway 127.0.0.1:{ports[1]}, silo port {ports[0]}, cluster and service id {clusterId}", silo.Output, StringComparison.Ordinal);

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(ports[1], serviceId: clusterId, clusterId: clusterId));
        using var client = builder.Build();
        await client.StartAsync(ct);
        try
        {
            var request = CompiledScenario.Load("baseline", seed: 5).ToRunRequest($"client-{Guid.NewGuid():N}", 200, 1);
            var coordinator = client.Services.GetRequiredService<IClusterClient>().GetGrain<IRunCoordinatorGrain>(request.RunId);
            await coordinator.StartAsync(request);
            var progress = await coordinator.StepAsync();
            for (var steps = 0; !progress.Done && steps < 100_000; steps++)
            {
                progress = await coordinator.StepAsync();
            }

            Assert.True(progress.Done, $"not done: {progress}");
            Assert.Equal(200, progress.Ended);
            Assert.Equal(request, await coordinator.GetRequestAsync());
        }
        finally
        {
            await client.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Silo_WithoutDashboardFlag_DoesNotServeTheDashboard()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var silo = await InProcessSilo.StartAsync(["--urls", "http://127.0.0.1:0", "--cluster-id", $"no-dashboard-{Guid.NewGuid():N}"], ct);
        using var http = new HttpClient { BaseAddress = silo.BaseUri };

        using var dashboard = await http.GetAsync("dashboard/", ct);
        using var grainState = await http.GetAsync("dashboard/GrainState?grainId=x&grainType=y", ct);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, dashboard.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, grainState.StatusCode);
        Assert.Contains("  dashboard off (--dashboard serves it)", silo.Output, StringComparison.Ordinal);
        Assert.Matches(GatewayLine(), silo.Output);
    }

    [GeneratedRegex(@"orleans   gateway 127\.0\.0\.1:\d+, silo port \d+, cluster and service id no-dashboard-")]
    private static partial Regex GatewayLine();
}
