using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;

namespace AgentSim.Grains.Worlds;

/// <summary>
/// Compiled worlds of a silo keyed by run id, so the many grains of a run on one silo parse the YAML once.
/// Bounded: the oldest runs are forgotten first.
/// </summary>
public sealed class WorldCache
{
    private const int Capacity = 32;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (RunRequest Request, Lazy<World> World)> _worlds = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>The compiled world of a run; compiles it on first use (or again if the run id now names a different world).</summary>
    public World Get(RunRequest request)
    {
        Lazy<World> world;
        lock (_lock)
        {
            if (!_worlds.TryGetValue(request.RunId, out var entry) || !entry.Request.SameWorldAs(request))
            {
                entry = (request, new Lazy<World>(() => WorldCompiler.Compile(request), LazyThreadSafetyMode.ExecutionAndPublication));
                if (!_worlds.ContainsKey(request.RunId))
                {
                    _order.Enqueue(request.RunId);
                }

                _worlds[request.RunId] = entry;
                while (_worlds.Count > Capacity && _order.TryDequeue(out var oldest))
                {
                    _worlds.Remove(oldest);
                }
            }

            world = entry.World;
        }

        return world.Value;
    }

    /// <summary>Forgets a run's world.</summary>
    public void Forget(string runId)
    {
        lock (_lock)
        {
            _worlds.Remove(runId);
        }
    }
}
