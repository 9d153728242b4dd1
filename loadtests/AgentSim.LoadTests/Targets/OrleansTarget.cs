using System.Net;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace AgentSim.LoadTests.Targets;

/// <summary>An Orleans cluster through the Orleans client on a static gateway list: each request is <c>IIngressGrain.StartConversationAsync</c>.</summary>
public sealed class OrleansTarget : ILoadTarget
{
    private static readonly ConversationSpec Spec = new();
    private readonly IHost _host;
    private readonly IIngressGrain _ingress;

    private OrleansTarget(IHost host, string name)
    {
        _host = host;
        Name = name;
        _ingress = host.Services.GetRequiredService<IClusterClient>().GetGrain<IIngressGrain>(0);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Connects a client to cluster <paramref name="clusterId"/> (also its service id, as <c>agentsim silo</c> sets it) through the given gateways.</summary>
    public static async Task<OrleansTarget> ConnectAsync(string clusterId, IReadOnlyList<IPEndPoint> gateways, CancellationToken cancellation)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering([.. gateways]);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = clusterId;
            });
        });
        var host = builder.Build();
        await host.StartAsync(cancellation).ConfigureAwait(false);
        return new OrleansTarget(host, $"orleans:{clusterId}@{string.Join(',', gateways)}");
    }

    /// <inheritdoc />
    public async ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation)
    {
        try
        {
            var ticket = await _ingress.StartConversationAsync(Spec).ConfigureAwait(false);
            return new TargetOutcome(ticket.Status == IngressStatus.Accepted, ticket.Status.ToString());
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or OperationCanceledException)
        {
            return new TargetOutcome(false, ex.GetType().Name);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
