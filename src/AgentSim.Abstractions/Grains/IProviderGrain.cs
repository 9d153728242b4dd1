using AgentSim.Abstractions.Messages;

namespace AgentSim.Abstractions.Grains;

/// <summary>Owns a provider's outage and quota state. Key: "{runId}/{providerName}".</summary>
[Alias("AgentSim.IProviderGrain")]
public interface IProviderGrain : IGrainWithStringKey
{
    /// <summary>Prepares the provider for a run (idempotent for the same request).</summary>
    [Alias("Start")]
    Task StartAsync(RunRequest request);

    /// <summary>Whether the provider is down and how much it throttles in the epoch starting at <paramref name="epochStart"/> (µs).</summary>
    [Alias("BeginEpoch")]
    Task<ProviderEpochState> BeginEpochAsync(long epochStart);

    /// <summary>Takes in the request count of the epoch ending at <paramref name="epochEnd"/> (µs), which sets the next epoch's throttling; the same epoch closed again (a retry) changes nothing.</summary>
    [Alias("CloseEpoch")]
    Task CloseEpochAsync(long epochEnd, long requests);
}
