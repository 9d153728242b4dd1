using AgentSim.Cli.Validation;
using AgentSim.Host.Hosting;
using Spectre.Console;

namespace AgentSim.Cli.Running;

/// <summary>
/// Connects a command that runs simulations to an existing Redis cluster as an Orleans client: the Redis server must
/// answer, and a silo of the cluster must be reachable; each failure is bad input naming its flag (exit 2).
/// </summary>
public static class ClusterConnection
{
    /// <summary>
    /// Checks that <paramref name="redis"/> answers, connects to cluster <paramref name="clusterId"/> and says so on the
    /// console; throws <see cref="CliInputException"/> naming <c>--redis</c> or <c>--cluster-id</c> when it cannot.
    /// </summary>
    public static async Task<AgentSimClusterClient> ConnectAsync(CliContext context, string redis, string clusterId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        await RedisServer.CheckReachableAsync(redis, "--redis", cancellation);
        AgentSimClusterClient client;
        try
        {
            client = await AgentSimClusterClient.ConnectAsync(redis, clusterId, Microsoft.Extensions.Logging.LogLevel.Error, cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CliInputException(
                $"--cluster-id {clusterId}: no silo of this cluster could be reached through Redis at {RedisServer.Display(redis)} ({ex.GetBaseException().Message.Split('\n', 2)[0].Trim()}); start them with agentsim silo --clustering redis --redis {RedisServer.Display(redis)} --cluster-id {clusterId}",
                ex);
        }

        context.Console.WriteLine($"cluster: {clusterId} (membership in Redis at {RedisServer.Display(redis)}), this process a client");
        client.Notices = line =>
        {
            lock (context.Error)
            {
                context.Error.WriteLine(line);
            }
        };
        return client;
    }
}
