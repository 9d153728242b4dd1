using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>One silo's row of the membership table Orleans keeps in Redis.</summary>
/// <param name="SiloPort">The silo-to-silo port of its address.</param>
/// <param name="Status">Orleans' SiloStatus as stored: 3 Active, 6 Dead (and others between).</param>
public sealed record MembershipRow(int SiloPort, int Status)
{
    /// <summary>Orleans' stored value of SiloStatus.Active.</summary>
    public const int Active = 3;

    /// <summary>Orleans' stored value of SiloStatus.Dead.</summary>
    public const int Dead = 6;
}

/// <summary>Reads a cluster's membership table straight from Redis (the hash <c>{serviceId}/members/{clusterId}</c>; AgentSim uses the cluster id as service id).</summary>
public sealed class RedisMembership(string redis, string clusterId) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(redis));

    /// <summary>Every silo's row, current as of now.</summary>
    public async Task<IReadOnlyList<MembershipRow>> ReadAsync()
    {
        var database = (await _connection.Value).GetDatabase();
        var entries = await database.HashGetAllAsync($"{clusterId}/members/{clusterId}");
        var rows = new List<MembershipRow>();
        foreach (var entry in entries)
        {
            if (entry.Name == "Version")
            {
                continue;
            }

            using var row = JsonDocument.Parse(entry.Value.ToString());
            var address = row.RootElement.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString()!;
            var port = int.Parse(address[(address.LastIndexOf(':', address.IndexOf('@', StringComparison.Ordinal)) + 1)..address.IndexOf('@', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            rows.Add(new MembershipRow(port, row.RootElement.GetProperty("Status").GetInt32()));
        }

        return rows;
    }

    /// <summary>The status of the silo on <paramref name="siloPort"/>, or null when it has no row.</summary>
    public async Task<int?> StatusAsync(int siloPort) => (await ReadAsync()).FirstOrDefault(r => r.SiloPort == siloPort)?.Status;

    /// <summary>Polls every 50 ms until the silo on <paramref name="siloPort"/> is recorded dead; returns how long that took, or null past <paramref name="limit"/>.</summary>
    public async Task<TimeSpan?> TimeUntilDeadAsync(int siloPort, TimeSpan limit, CancellationToken cancellation)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await StatusAsync(siloPort) == MembershipRow.Dead)
            {
                return watch.Elapsed;
            }

            await Task.Delay(50, cancellation);
        }

        return null;
    }

    /// <summary>Epochs checkpointed so far by the cluster's runs (the longest run's count; 0 before any): AgentSim's list <c>agentsim:{cluster}:run:{id}:epochs</c>.</summary>
    public async Task<long> CheckpointedEpochsAsync()
    {
        var connection = await _connection.Value;
        long most = 0;
        foreach (var endpoint in connection.GetEndPoints())
        {
            await foreach (var key in connection.GetServer(endpoint).KeysAsync(pattern: $"agentsim:{clusterId}:run:*:epochs"))
            {
                most = Math.Max(most, await connection.GetDatabase().ListLengthAsync(key));
            }
        }

        return most;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
