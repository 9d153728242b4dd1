namespace AgentSim.LoadTests.Targets;

/// <summary>What the driver loads: one call starts one conversation.</summary>
public interface ILoadTarget : IAsyncDisposable
{
    /// <summary>Short description for reports, e.g. the URL or the gateway list.</summary>
    string Name { get; }

    /// <summary>Starts one conversation and says how it went; errors come back as outcomes, not exceptions, where the target can tell.</summary>
    ValueTask<TargetOutcome> SendAsync(CancellationToken cancellation);
}
