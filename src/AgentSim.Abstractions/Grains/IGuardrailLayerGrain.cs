using AgentSim.Abstractions.Messages;

namespace AgentSim.Abstractions.Grains;

/// <summary>Owns a guardrail layer's outage process. Key: "{runId}/{layerName}".</summary>
[Alias("AgentSim.IGuardrailLayerGrain")]
public interface IGuardrailLayerGrain : IGrainWithStringKey
{
    /// <summary>Prepares the layer for a run (idempotent for the same request).</summary>
    [Alias("Start")]
    Task StartAsync(RunRequest request);

    /// <summary>Whether the layer is down in the epoch starting at <paramref name="epochStart"/> (µs).</summary>
    [Alias("BeginEpoch")]
    Task<bool> BeginEpochAsync(long epochStart);
}
