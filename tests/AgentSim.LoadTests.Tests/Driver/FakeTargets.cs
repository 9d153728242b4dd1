using AgentSim.LoadTests.Targets;

namespace AgentSim.LoadTests.Tests.Driver;

/// <summary>A target that answers at once, except that call number <paramref name="stallAt"/> holds its caller for <paramref name="stall"/> (as a blocked socket write or a stop-the-world pause does).</summary>
internal sealed class StallingTarget(int stallAt, TimeSpan stall) : ILoadTarget
{
    private int _calls;

    public string Name => "stalling fake";

    public ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation)
    {
        if (Interlocked.Increment(ref _calls) == stallAt)
        {
            Thread.Sleep(stall);
        }

        return ValueTask.FromResult(new TargetOutcome(true, "ok"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A target that never answers: each request stays under way until the driver gives up on it.</summary>
internal sealed class SilentTarget : ILoadTarget
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string Name => "silent fake";

    public async ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation)
    {
        Interlocked.Increment(ref _calls);
        await Task.Delay(Timeout.Infinite, cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
        return new TargetOutcome(false, "cancelled");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A target that accepts every request at once.</summary>
internal sealed class InstantTarget : ILoadTarget
{
    public string Name => "instant fake";

    public ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation) => ValueTask.FromResult(new TargetOutcome(true, "ok"));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A target that accepts every request after <paramref name="delay"/>.</summary>
internal sealed class DelayedTarget(TimeSpan delay) : ILoadTarget
{
    public string Name => "delayed fake";

    public async ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation)
    {
        await Task.Delay(delay, CancellationToken.None);
        return new TargetOutcome(true, "ok");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A target that fails every request it gets in its first <paramref name="failFor"/> (from its first request; forever when null), then accepts them.</summary>
internal sealed class FailingTarget(TimeSpan? failFor = null) : ILoadTarget
{
    private long _first;
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public string Name => "failing fake";

    public ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation)
    {
        Interlocked.Increment(ref _calls);
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _first, now, 0);
        var failing = failFor is null || System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _first), now) < failFor;
        return ValueTask.FromResult(failing ? new TargetOutcome(false, "500") : new TargetOutcome(true, "ok"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
