using AgentSim.Grains;
using AgentSim.Grains.Checkpoints;
using AgentSim.Grains.Worlds;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentSim.Host.Hosting;

/// <summary>
/// Runs a host's <see cref="SiloTraffic"/> once the silo has started, until the host stops; a failure stops the host. On a
/// cluster whose runs are checkpointed, a silo lost during the run is waited out (<see cref="RunRecovery"/>) and the run
/// goes on from its checkpoints.
/// </summary>
internal sealed partial class TrafficService(
    SiloTraffic traffic,
    IGrainFactory grains,
    WorldCache worlds,
    RunCheckpoints checkpoints,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TrafficService> logger) : BackgroundService
{
    /// <summary>The exception that stopped the traffic, or null.</summary>
    public Exception? Failure { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            worlds.Add(traffic.Request, traffic.World);
            var recovery = checkpoints.Enabled ? new RunRecovery(time, (what, attempt, e) => LogRetrying(what, attempt, e)) : null;
            await OrleansEngine.RunPacedAsync(grains, traffic.Request, traffic.World, traffic.TimeScale, time, traffic.Progress, stoppingToken, recovery);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the run ends with the host (a grain call cut short by shutdown is not a failure).
        }
        catch (Exception ex)
        {
            Failure = ex;
            LogFailed(ex);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The silo's paced run: {What} failed (attempt {Attempt}); a silo was lost, retrying while the cluster recovers the run from its checkpoints.")]
    private partial void LogRetrying(string what, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The silo's traffic failed; stopping the host.")]
    private partial void LogFailed(Exception exception);
}
