using System.Text.Json;
using StackExchange.Redis;

namespace AgentSim.Host.Hosting;

/// <summary>
/// Watches a Redis cluster's membership table from a client: <see cref="NextDeath"/> completes when the table next records
/// a silo as dead. An Orleans client is not told when the silo behind a call dies, and would wait out the call's whole
/// response timeout; with this it gives up on the call as soon as the silos have declared the loss.
/// </summary>
public sealed class MembershipWatch : IAsyncDisposable
{
    /// <summary>How often the table is read.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    private readonly ConnectionMultiplexer _redis;
    private readonly string _clusterId;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private TaskCompletionSource _death = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MembershipWatch(ConnectionMultiplexer redis, string clusterId, int dead)
    {
        _redis = redis;
        _clusterId = clusterId;
        Dead = dead;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Silos the table records as dead.</summary>
    public int Dead { get; private set; }

    /// <summary>Starts watching cluster <paramref name="clusterId"/>'s table in <paramref name="redis"/>.</summary>
    public static async Task<MembershipWatch> StartAsync(string redis, string clusterId)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(ClusterTuning.RedisConfiguration(redis));
        return new MembershipWatch(connection, clusterId, await CountAsync(connection.GetDatabase(), clusterId, SiloStatus.Dead));
    }

    /// <summary>Completes when the table next records a silo as dead.</summary>
    public Task NextDeath() => Volatile.Read(ref _death).Task;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        await _redis.DisposeAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(Period, _stop.Token);
            int dead;
            try
            {
                dead = await CountAsync(_redis.GetDatabase(), _clusterId, SiloStatus.Dead);
            }
            catch (RedisException)
            {
                continue;
            }

            if (dead > Dead)
            {
                Dead = dead;
                Interlocked.Exchange(ref _death, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
    }

    /// <summary>
    /// How many silos of cluster <paramref name="clusterId"/> the membership table lists with <paramref name="wanted"/>: the
    /// rows of <c>Microsoft.Orleans.Clustering.Redis</c>'s hash <c>{serviceId}/members/{clusterId}</c> (AgentSim's service
    /// id is its cluster id).
    /// </summary>
    public static async Task<int> CountAsync(IDatabase redis, string clusterId, SiloStatus wanted)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var entries = await redis.HashGetAllAsync($"{clusterId}/members/{clusterId}");
        var count = 0;
        foreach (var entry in entries)
        {
            if (entry.Name == "Version" || !entry.Value.HasValue)
            {
                continue;
            }

            using var row = JsonDocument.Parse(entry.Value.ToString());
            if (row.RootElement.TryGetProperty("Status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() == (int)wanted)
            {
                count++;
            }
        }

        return count;
    }
}
