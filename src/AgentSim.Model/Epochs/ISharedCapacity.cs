namespace AgentSim.Model.Epochs;

/// <summary>
/// Capacities that turns share and that the real-time clock enforces as they happen, instead of per epoch: a provider's
/// quota (a token bucket) and an AI agent deployment's concurrency limit (its slots, first come first served). Virtual
/// time has none (<see cref="EpochSnapshot.Live"/> is null) and acts per epoch, so results stay reproducible.
/// </summary>
public interface ISharedCapacity
{
    /// <summary>Takes one request's token from provider <paramref name="provider"/>'s quota; false means throttled (429).</summary>
    bool TryAcquireProvider(int provider);

    /// <summary>
    /// How long a request reaching agent <paramref name="agent"/> at <paramref name="atMicros"/> (simulated) waits for a free
    /// slot; the slot is then busy for <paramref name="answerMicros"/>.
    /// </summary>
    long AgentWaitMicros(int agent, long atMicros, long answerMicros);
}
