using System.Globalization;
using System.Net;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.LoadTests.Scenarios;
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

    /// <summary>How often a converse step asks whether its conversation has ended.</summary>
    public static readonly TimeSpan ConversePoll = TimeSpan.FromMilliseconds(50);

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
    public ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation) => SendAsync(LoadRequest.Start, cancellation);

    /// <inheritdoc />
    /// <remarks>A converse step starts the conversation, then asks where it stands every <see cref="ConversePoll"/> until it has ended (the grain interface has no wait), so its latency is that coarse.</remarks>
    public async ValueTask<TargetOutcome> SendAsync(LoadRequest request, CancellationToken cancellation)
    {
        try
        {
            if (request.Step == LoadStep.Status)
            {
                var view = long.TryParse(request.ConversationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await _ingress.GetConversationAsync(id).ConfigureAwait(false) : null;
                return view is null ? new TargetOutcome(false, "NotFound", request.ConversationId) : new TargetOutcome(true, view.Status, request.ConversationId);
            }

            var spec = request.Item.IsEmpty ? Spec : new ConversationSpec(request.Item.Channel, request.Item.Intent, request.Item.Tier);
            var ticket = await _ingress.StartConversationAsync(spec).ConfigureAwait(false);
            var started = new TargetOutcome(ticket.Status == IngressStatus.Accepted, ticket.Status.ToString(), ticket.Id.ToString(CultureInfo.InvariantCulture));
            if (request.Step != LoadStep.Converse || !started.Ok)
            {
                return started;
            }

            while (true)
            {
                await Task.Delay(ConversePoll, cancellation).ConfigureAwait(false);
                var view = await _ingress.GetConversationAsync(ticket.Id).ConfigureAwait(false);
                if (view is null)
                {
                    return new TargetOutcome(false, "NotFound", started.ConversationId);
                }

                if (view.Outcome is { } outcome)
                {
                    return new TargetOutcome(true, outcome, started.ConversationId);
                }
            }
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
