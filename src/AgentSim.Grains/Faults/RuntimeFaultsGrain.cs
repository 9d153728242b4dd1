using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;

namespace AgentSim.Grains.Faults;

/// <summary>
/// The registry of runtime faults: hands out ids in order, ends faults early, and keeps the last
/// <see cref="RetainedEnded"/> to end so <c>GET /api/faults/{id}</c> can still say so. State in memory (see
/// <see cref="IRuntimeFaultsGrain"/>).
/// </summary>
public sealed class RuntimeFaultsGrain(TimeProvider time) : Grain, IRuntimeFaultsGrain
{
    /// <summary>Ended faults kept.</summary>
    public const int RetainedEnded = 100;

    private readonly SortedDictionary<long, RuntimeFault> _faults = [];
    private readonly string _registry = Guid.NewGuid().ToString("N");
    private long _lastId;
    private long _version;

    /// <inheritdoc />
    public Task<RuntimeFault?> AddAsync(RuntimeFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var now = time.GetUtcNow();
        if (_faults.Values.Count(f => f.EndsAt > now) >= IRuntimeFaultsGrain.MaxFaults)
        {
            return Task.FromResult<RuntimeFault?>(null);
        }

        var added = fault with { Id = ++_lastId };
        _faults[added.Id] = added;
        Changed();
        return Task.FromResult<RuntimeFault?>(added);
    }

    /// <inheritdoc />
    public Task<RuntimeFaultList> ListAsync() => Task.FromResult(new RuntimeFaultList(_version, [.. _faults.Values], _registry));

    /// <inheritdoc />
    public Task<RuntimeFault?> EndAsync(long id)
    {
        if (!_faults.TryGetValue(id, out var fault))
        {
            return Task.FromResult<RuntimeFault?>(null);
        }

        var now = time.GetUtcNow();
        if (now < fault.EndsAt)
        {
            fault = fault with { EndsAt = now, StartsAt = fault.StartsAt < now ? fault.StartsAt : now };
            _faults[id] = fault;
            Changed();
        }

        return Task.FromResult<RuntimeFault?>(fault);
    }

    // Forgets the oldest ended faults beyond what is retained.
    private void Changed()
    {
        _version++;
        var now = time.GetUtcNow();
        var ended = _faults.Values.Where(f => f.EndsAt <= now).ToList();
        foreach (var old in ended.OrderBy(f => f.EndsAt).ThenBy(f => f.Id).Take(Math.Max(0, ended.Count - RetainedEnded)))
        {
            _faults.Remove(old.Id);
        }
    }
}
