using AgentSim.LoadTests.Scenarios;

namespace AgentSim.LoadTests.Targets;

/// <summary>
/// A target that does nothing and answers on the thread pool (as a network reply does), so a run against it measures
/// the driver's own ceiling: scheduling, the asynchronous completion and the recording (<c>--target noop</c>). Every
/// step succeeds; a start step hands back an id.
/// </summary>
public sealed class NoOpTarget : ILoadTarget
{
    private static readonly TargetOutcome Accepted = new(true, "noop", "0");

    /// <inheritdoc />
    public string Name => "noop (the driver alone)";

    /// <inheritdoc />
    public async ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation)
    {
        await Task.Yield();
        return Accepted;
    }

    /// <inheritdoc />
    public ValueTask<TargetOutcome> SendAsync(LoadRequest request, CancellationToken cancellation) => SendAsync(cancellation);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
