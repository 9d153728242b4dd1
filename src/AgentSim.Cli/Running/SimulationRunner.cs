using AgentSim.Abstractions.Messages;
using AgentSim.Host.Hosting;
using AgentSim.Model.Engine;
using Spectre.Console;

namespace AgentSim.Cli.Running;

/// <summary>Runs a request on the chosen engine, with the embedded host (silo and/or /metrics) up only while the run lasts.</summary>
public sealed class SimulationRunner(CliContext context, TimeProvider time)
{
    /// <summary>Runs the request to completion, showing progress.</summary>
    public async Task<RunExecution> RunAsync(RunSettings settings, RunRequest request, World world, CancellationToken cancellation)
    {
        var orleans = settings.Engine == EngineKind.Orleans;
        var hostStart = time.GetTimestamp();
        AgentSimHost? host = null;
        if (orleans || settings.MetricsPort is not null)
        {
            host = await AgentSimHost.StartAsync(new AgentSimHostOptions { Silo = orleans, MetricsPort = settings.MetricsPort }, cancellation);
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
}
