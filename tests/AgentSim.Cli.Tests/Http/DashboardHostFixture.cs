using AgentSim.Host.Hosting;

namespace AgentSim.Cli.Tests.Http;

/// <summary>One silo host with the dashboard on (127.0.0.1, a free port, a unique cluster id), shared by a test class and stopped after it.</summary>
public sealed class DashboardHostFixture : IAsyncLifetime
{
    /// <summary>The host.</summary>
    public AgentSimHost Host { get; private set; } = null!;

    /// <summary>A client of the host's HTTP endpoint that does not follow redirects.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        Host = await AgentSimHost.StartAsync(new AgentSimHostOptions { Urls = "http://127.0.0.1:0", Dashboard = true, ClusterId = $"http-test-{Guid.NewGuid():N}" });
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseUri };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
