using AgentSim.Abstractions.Messages;
using AgentSim.Host.Hosting;
using AgentSim.Model.Engine;
using Spectre.Console;

namespace AgentSim.Cli.Running;

/// <summary>
/// Runs a request on the chosen engine, with the embedded host (silo and/or /metrics) up only while the run lasts, or
/// (with <c>--clustering redis</c>) on an existing cluster as an Orleans client.
/// </summary>
public sealed class SimulationRunner(CliContext context, TimeProvider time)
{
    /// <summary>Runs the request to completion, showing progress.</summary>
    public async Task<RunExecution> RunAsync(RunSettings settings, RunRequest request, World world, CancellationToken cancellation)
    {
        if (settings.OnCluster)
        {
            return await RunOnClusterAsync(settings, request, world, cancellation);
        }

        var orleans = settings.Engine == EngineKind.Orleans;
        var hostStart = time.GetTimestamp();
        AgentSimHost? host = null;
        if (orleans || settings.MetricsPort is not null)
        {
            host = await AgentSimHost.StartAsync(new AgentSimHostOptions { Silo = orleans, MetricsPort = settings.MetricsPort, ClusterId = settings.ClusterId }, cancellation);
        }

        try
        {
            if (host?.MetricsUri is { } uri)
            {
                context.Console.WriteLine($"metrics: {uri}");
            }

            var startup = time.GetElapsedTime(hostStart);
            var startedAt = time.GetUtcNow();
            var outcome = await ProgressDisplay.RunAsync(context, request.Conversations, progress => orleans
                ? host!.RunAsync(request, world, progress, cancellation)
                : Task.Run(() => PlainLoopEngine.Run(world, new RunOptions(request.Conversations, request.Parallelism), host?.Metrics.Create(world), progress, cancellation), cancellation));
            return new RunExecution(outcome, startedAt, time.GetUtcNow(), startup);
        }
        finally
        {
            if (host is not null)
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>Runs the request on an existing Redis cluster as an Orleans client; its silos compile the world from the request.</summary>
    private async Task<RunExecution> RunOnClusterAsync(RunSettings settings, RunRequest request, World world, CancellationToken cancellation)
    {
        var redis = settings.Redis!;
        var clusterId = settings.ClusterId!;
        var connectStart = time.GetTimestamp();
        var client = await ClusterConnection.ConnectAsync(context, redis, clusterId, cancellation);
        await using (client)
        {
            var startup = time.GetElapsedTime(connectStart);
            var startedAt = time.GetUtcNow();
            var outcome = await ProgressDisplay.RunAsync(context, request.Conversations, progress => client.RunAsync(request, world, progress, cancellation));
            return new RunExecution(outcome, startedAt, time.GetUtcNow(), startup);
        }
    }
}
