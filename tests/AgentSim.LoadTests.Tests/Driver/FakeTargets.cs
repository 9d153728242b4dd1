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
