using AgentSim.Abstractions.Messages;
using AgentSim.Model.Providers;

namespace AgentSim.Grains.Providers;

/// <summary>In-memory state of a provider grain: its runtime and the last epoch it answered for.</summary>
internal sealed class ProviderState(RunRequest request, ProviderRuntime runtime)
{
    /// <summary>The run request the grain was started with.</summary>
    public RunRequest Request { get; } = request;

    /// <summary>The provider's outage and quota state.</summary>
    public ProviderRuntime Runtime { get; } = runtime;

    /// <summary>Start of the last epoch begun and its answer (the outage draw must happen once per epoch).</summary>
    public (long Start, ProviderEpochState State)? LastBegin { get; set; }
}
