using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;

namespace AgentSim.Grains.Faults;

/// <summary>
/// The registry of runtime faults: hands out ids in order, ends faults early, and keeps the last
/// <see cref="RetainedEnded"/> to end so <c>GET /api/faults/{id}</c> can still say so. Its state is written to the silo's
/// grain storage at every change (see <see cref="IRuntimeFaultsGrain"/>): in Redis on a Redis cluster, so the registry
/// re-activated on a survivor after its silo is lost still has every fault; in memory on a silo alone.
/// </summary>
public sealed class RuntimeFaultsGrain(TimeProvider time, [PersistentState("faults")] IPersistentState<RuntimeFaultsState> stored) : Grain, IRuntimeFaultsGrain
{
    /// <summary>Ended faults kept.</summary>
    public const int RetainedEnded = 100;

    private RuntimeFaultsState State => stored.State;

    private SortedDictionary<long, RuntimeFault> Faults => State.Faults;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(State.Registry))
        {
            State.Registry = Guid.NewGuid().ToString("N");
            await stored.WriteStateAsync(cancellationToken);
        }

        await base.OnActivateAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RuntimeFault?> AddAsync(RuntimeFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var now = time.GetUtcNow();
        if (Faults.Values.Count(f => f.EndsAt > now) >= IRuntimeFaultsGrain.MaxFaults)
        {
            return null;
        }

        var added = fault with { Id = ++State.LastId };
        Faults[added.Id] = added;
        await ChangedAsync();
        return added;
    }

    /// <inheritdoc />
    public Task<RuntimeFaultList> ListAsync() => Task.FromResult(new RuntimeFaultList(State.Version, [.. Faults.Values], State.Registry));

    /// <inheritdoc />
    public async Task<RuntimeFault?> EndAsync(long id)
    {
        if (!Faults.TryGetValue(id, out var fault))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now < fault.EndsAt)
        {
            fault = fault with { EndsAt = now, StartsAt = fault.StartsAt < now ? fault.StartsAt : now };
            Faults[id] = fault;
            await ChangedAsync();
        }

        return fault;
    }

    // Forgets the oldest ended faults beyond what is retained, then stores the registry.
    private async Task ChangedAsync()
    {
        State.Version++;
        var now = time.GetUtcNow();
        var ended = Faults.Values.Where(f => f.EndsAt <= now).ToList();
        foreach (var old in ended.OrderBy(f => f.EndsAt).ThenBy(f => f.Id).Take(Math.Max(0, ended.Count - RetainedEnded)))
        {
            Faults.Remove(old.Id);
        }

        await stored.WriteStateAsync();
    }
}
