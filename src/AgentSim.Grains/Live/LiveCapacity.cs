using System.Threading.RateLimiting;
using AgentSim.Model.Engine;
using AgentSim.Model.Epochs;

namespace AgentSim.Grains.Live;

/// <summary>
/// A silo's live capacities. A provider's quota is a <see cref="TokenBucketRateLimiter"/> refilled at the quota scaled by
/// the time scale (one simulated second of burst; no queue: an empty bucket is a 429). An AI agent's concurrency limit is
/// its slots, each free from a simulated instant on: a request takes the slot that frees first, first come first served,
/// and waits until then — the exact multi-server queue a concurrency limiter with a FIFO queue makes, computed rather than
/// awaited because a turn's steps add simulated latencies (it waits them out afterwards, all at once). Both are per silo, off
/// every grain: several silos split a quota between them by giving each its share. Thread-safe.
/// </summary>
public sealed class LiveCapacity : ISharedCapacity, IDisposable
{
    private static readonly TimeSpan ShortestPeriod = TimeSpan.FromMilliseconds(10);

    private readonly TokenBucketRateLimiter?[] _quotas;
    private readonly PriorityQueue<int, long>?[] _slots;

    /// <summary>Builds the capacities of <paramref name="world"/> at <paramref name="timeScale"/> simulated seconds per wall second.</summary>
    public LiveCapacity(World world, double timeScale)
    {
        ArgumentNullException.ThrowIfNull(world);
        _quotas = [.. world.Providers.Select(p => p.Config.QuotaPerSecond > 0 ? Bucket(p.Config.QuotaPerSecond, timeScale) : null)];
        _slots = [.. world.Agents.Select(a => a.Config.Concurrency is { } c and > 0 ? Slots(c) : null)];
    }

    /// <inheritdoc />
    public bool TryAcquireProvider(int provider)
    {
        if (_quotas[provider] is not { } bucket)
        {
            return true;
        }

        using var lease = bucket.AttemptAcquire(1);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public long AgentWaitMicros(int agent, long atMicros, long answerMicros)
    {
        if (_slots[agent] is not { } slots)
        {
            return 0;
        }

        lock (slots)
        {
            slots.TryDequeue(out _, out var freeAt);
            var start = Math.Max(atMicros, freeAt);
            slots.Enqueue(0, start + answerMicros);
            return start - atMicros;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var bucket in _quotas)
        {
            bucket?.Dispose();
        }
    }

    // Refilled every 10 ms of wall time, or as often as one token comes when that is rarer.
    private static TokenBucketRateLimiter Bucket(double quotaPerSecond, double timeScale)
    {
        var perWallSecond = quotaPerSecond * timeScale;
        var period = TimeSpan.FromSeconds(Math.Max(ShortestPeriod.TotalSeconds, 1 / perWallSecond));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = (int)Math.Max(1, Math.Ceiling(quotaPerSecond)),
            TokensPerPeriod = (int)Math.Max(1, Math.Round(perWallSecond * period.TotalSeconds)),
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static PriorityQueue<int, long> Slots(int concurrency)
    {
        var slots = new PriorityQueue<int, long>(concurrency);
        for (var i = 0; i < concurrency; i++)
        {
            slots.Enqueue(i, long.MinValue);
        }

        return slots;
    }
}
