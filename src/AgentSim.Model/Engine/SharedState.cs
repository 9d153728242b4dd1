using AgentSim.Model.Agents;
using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails.Layers;
using AgentSim.Model.Providers;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Engine;

/// <summary>
/// The run's shared state for an in-process engine: agent governors, provider runtimes and guardrail outage
/// processes, read into an <see cref="EpochSnapshot"/> at the start of each epoch and updated at its end.
/// The Orleans engine keeps the same objects inside agent, provider and guardrail-layer grains.
/// </summary>
public sealed class SharedState
{
    /// <summary>Creates the shared state of a run.</summary>
    public SharedState(World world)
    {
        Governors = [.. world.Agents.Select(a => CreateGovernor(world, a))];
        Capacities = [.. world.Agents.Select(a => CreateCapacity(world, a))];
        Providers = [.. world.Providers.Select(p => CreateProvider(world, p))];
        GuardrailOutages = [.. world.Guardrails.Select(g => CreateGuardrailOutage(world, g))];
    }

    /// <summary>The governor of one agent; every engine creates it here so all engines agree.</summary>
    public static AgentGovernor CreateGovernor(World world, AgentModel agent) => new(agent.Config.Governance, world.EpochMicros);

    /// <summary>The capacity (concurrency limit and queue) of one agent deployment.</summary>
    public static AgentCapacity CreateCapacity(World world, AgentModel agent) => new(agent.Config.Concurrency, world.EpochMicros);

    /// <summary>The runtime of one provider.</summary>
    public static ProviderRuntime CreateProvider(World world, ProviderModel provider) => new(provider, world.EpochMicros, world.Seed);

    /// <summary>The outage process of one guardrail layer, on its own random stream.</summary>
    public static OutageProcess CreateGuardrailOutage(World world, GuardrailModel layer) =>
        new(layer.Config.Availability, world.EpochMicros, world.Seed, SeedHash.OfName(layer.Name), Purpose.GuardrailOutage);

    /// <summary>Agent governors by agent index.</summary>
    public AgentGovernor[] Governors { get; }

    /// <summary>Agent capacities by agent index.</summary>
    public AgentCapacity[] Capacities { get; }

    /// <summary>Provider runtimes by provider index.</summary>
    public ProviderRuntime[] Providers { get; }

    /// <summary>Guardrail outage processes by layer index.</summary>
    public OutageProcess[] GuardrailOutages { get; }

    /// <summary>Reads the snapshot for the epoch of <paramref name="window"/>. Call exactly once per epoch, in order.</summary>
    public EpochSnapshot Snapshot(EpochWindow window, ISharedCapacity? live = null) => new()
    {
        Live = live,
        Epoch = window.Epoch,
        StartMicros = window.StartMicros,
        EndMicros = window.EndMicros,
        AgentRolledBack = [.. Governors.Select(g => g.RolledBackAt(window.StartMicros))],
        ProviderDown = [.. Providers.Select(p => p.DownDuring(window.StartMicros))],
        ProviderThrottle = [.. Providers.Select(p => p.Throttle)],
        AgentQueues = [.. Capacities.Select(c => c.Queueing)],
        ProviderLatencyFactor = [.. Providers.Select(p => p.LatencyFactor)],
        ProviderUtilisation = [.. Providers.Select(p => p.Utilisation)],
        GuardrailDown = [.. GuardrailOutages.Select(o => o.DownDuring(window.StartMicros))],
    };

    /// <summary>Applies an epoch's merged report; returns, per agent, why it was rolled back, if it was.</summary>
    public RollbackReason?[] Close(EpochSnapshot snapshot, EpochReport report)
    {
        var rollbacks = new RollbackReason?[Governors.Length];
        for (var a = 0; a < Governors.Length; a++)
        {
            rollbacks[a] = Governors[a].CloseEpoch(snapshot.EndMicros, report.IncidentTimes[a], report.FailureTimes[a]);
            Capacities[a].CloseEpoch(report.AgentTurns[a], report.AgentAnswerMicros[a]);
        }

        for (var p = 0; p < Providers.Length; p++)
        {
            Providers[p].CloseEpoch(report.ProviderRequests[p]);
        }

        return rollbacks;
    }
}
