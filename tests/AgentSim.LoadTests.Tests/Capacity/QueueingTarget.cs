using System.Diagnostics;
using AgentSim.LoadTests.Targets;

namespace AgentSim.LoadTests.Tests.Capacity;

/// <summary>
/// A server with one FIFO worker that serves <paramref name="capacity"/> requests a second: each request finishes
/// 1/capacity after the later of its arrival and the previous request's finish. Below the capacity latency stays near
/// the service time; above it the queue, and so the latency, grows by (offered/capacity - 1) seconds every second.
/// </summary>
internal sealed class QueueingTarget(double capacity) : ILoadTarget
{
    private readonly Lock _gate = new();
    private readonly double _service = 1.0 / capacity;
    private readonly long _origin = Stopwatch.GetTimestamp();
    private double _lastFinish;

    public string Name => $"queueing fake (capacity {capacity}/s)";

    public async ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation)
    {
        double wait;
        lock (_gate)
        {
            var now = Stopwatch.GetElapsedTime(_origin).TotalSeconds;
            _lastFinish = Math.Max(now, _lastFinish) + _service;
            wait = _lastFinish - now;
        }

        await Task.Delay(TimeSpan.FromSeconds(wait), CancellationToken.None);
        return new TargetOutcome(true, "ok");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
