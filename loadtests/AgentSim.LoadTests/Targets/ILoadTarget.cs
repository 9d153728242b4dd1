using AgentSim.LoadTests.Scenarios;

namespace AgentSim.LoadTests.Targets;

/// <summary>What the driver loads: each call is one step of a scenario (by default: start one conversation).</summary>
public interface ILoadTarget : IAsyncDisposable
{
    /// <summary>Short description for reports, e.g. the URL or the gateway list.</summary>
    string Name { get; }

    /// <summary>Starts one conversation, leaving every choice to the silo, and says how it went; errors come back as outcomes, not exceptions, where the target can tell.</summary>
    ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation);

    /// <summary>
    /// Runs one step. A target that only starts conversations (the default) takes a start step with an empty feed item and
    /// answers any other with the outcome <c>unsupported</c>.
    /// </summary>
    ValueTask<TargetOutcome> SendAsync(LoadRequest request, CancellationToken cancellation) =>
        request.Step == LoadStep.Start && request.Item.IsEmpty ? SendAsync(cancellation) : ValueTask.FromResult(TargetOutcome.Unsupported);

    /// <summary>Waits until the target says it is ready (its readiness check), or throws after <paramref name="timeout"/>; the default is ready at once.</summary>
    Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellation) => Task.CompletedTask;

    /// <summary>Conversations the target has in flight (from the silo's metrics), or null when it cannot tell.</summary>
    Task<long?> InFlightAsync(CancellationToken cancellation) => Task.FromResult<long?>(null);
}
