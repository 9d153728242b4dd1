using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;

namespace AgentSim.Grains.Worlds;

/// <summary>
/// Compiled worlds of a silo keyed by run id, so the many grains of a run on one silo share one world. A silo in the
/// process that compiled the world is handed it (<see cref="Add"/>) and compiles nothing; any other silo compiles the
/// request's YAML once. Bounded: the oldest runs are forgotten first, and a run's coordinator forgets its world when it
/// is deactivated.
/// </summary>
public sealed class WorldCache
{
    private const int Capacity = 32;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (RunRequest Request, Lazy<World> World)> _worlds = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private int _compilations;

    /// <summary>How many worlds this cache has compiled from YAML (worlds handed to it by <see cref="Add"/> do not count).</summary>
    public int Compilations => Volatile.Read(ref _compilations);

    /// <summary>The compiled world of a run; compiles it on first use (or again if the run id now names a different world).</summary>
    public World Get(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Lazy<World> world;
        lock (_lock)
        {
            if (!_worlds.TryGetValue(request.RunId, out var entry) || !entry.Request.SameWorldAs(request))
            {
                entry = (request, new Lazy<World>(() => Compile(request), LazyThreadSafetyMode.ExecutionAndPublication));
                Put(request.RunId, entry);
            }

            world = entry.World;
        }

        return world.Value;
    }

    /// <summary>Hands the cache a world compiled in this process for <paramref name="request"/>, so the silo's grains use that very world.</summary>
    public void Add(RunRequest request, World world)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(world);
        lock (_lock)
        {
            Put(request.RunId, (request, new Lazy<World>(world)));
        }
    }

    /// <summary>Forgets a run's world, unless the run id now names a different world.</summary>
    public void Forget(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            if (_worlds.TryGetValue(request.RunId, out var entry) && entry.Request.SameWorldAs(request))
            {
                _worlds.Remove(request.RunId);
            }
        }
    }

    private World Compile(RunRequest request)
    {
        Interlocked.Increment(ref _compilations);
        return WorldCompiler.Compile(request);
    }

    private void Put(string runId, (RunRequest Request, Lazy<World> World) entry)
    {
        if (!_worlds.ContainsKey(runId))
        {
            _order.Enqueue(runId);
        }

        _worlds[runId] = entry;
        while (_worlds.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _worlds.Remove(oldest);
        }

        if (_order.Count > 2 * Capacity)
        {
            // Forgotten runs leave their ids behind; keep each live id once, oldest first.
            var live = _order.Where(_worlds.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
            _order.Clear();
            live.ForEach(_order.Enqueue);
        }
    }
}
