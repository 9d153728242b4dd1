using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Cluster;
using Orleans.Serialization;
using StackExchange.Redis;

namespace AgentSim.Grains.Checkpoints;

/// <summary>
/// A virtual-time run's checkpoints in the cluster's shared store: the run's request and one <see cref="EpochCheckpoint"/>
/// per finished epoch, appended in order (a Redis list per run, written by the run's coordinator). They expire
/// <see cref="Retention"/> after the last write. On a silo alone (<see cref="ClusterStore.Shared"/> false) there are
/// none: its grains can only be lost with the whole process.
/// </summary>
public sealed class RunCheckpoints(ClusterStore store, Serializer serializer)
{
    /// <summary>How long a run's checkpoints are kept after its last epoch.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    // Appends the epoch only when the list holds exactly the epochs before it, so the log never has a gap. A list that
    // already holds the epoch (a write applied although its answer was lost, or one sent by a coordinator activation that
    // was given up for lost) is left as it is: an epoch's checkpoint is the same whoever writes it.
    private const string AppendScript = """
        local n = redis.call('LLEN', KEYS[1])
        if n == tonumber(ARGV[1]) then
          redis.call('RPUSH', KEYS[1], ARGV[2])
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          redis.call('PEXPIRE', KEYS[2], ARGV[3])
          return n + 1
        end
        return -n
        """;

    /// <summary>True when runs are checkpointed (the silos share a Redis server).</summary>
    public bool Enabled => store.Shared;

    /// <summary>Records the run's request, once; returns the request already recorded under its run id when there is one.</summary>
    public async Task<RunRequest?> SaveRequestAsync(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = RequestKey(request.RunId);
        if (await store.Database.StringSetAsync(key, serializer.SerializeToArray(request), Retention, When.NotExists))
        {
            return null;
        }

        return await LoadRequestAsync(request.RunId);
    }

    /// <summary>The request run <paramref name="runId"/> was started with, or null when it has no checkpoints.</summary>
    public async Task<RunRequest?> LoadRequestAsync(string runId)
    {
        var saved = await store.Database.StringGetAsync(RequestKey(runId));
        return saved.IsNull ? null : serializer.Deserialize<RunRequest>((byte[])saved!);
    }

    /// <summary>Appends epoch <see cref="EpochCheckpoint.Epoch"/>'s checkpoint; the run's log must hold exactly the epochs before it (or already this one, when nothing is written).</summary>
    public async Task AppendAsync(string runId, EpochCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var result = (long)await store.Database.ScriptEvaluateAsync(
            AppendScript,
            [EpochsKey(runId), RequestKey(runId)],
            [checkpoint.Epoch, serializer.SerializeToArray(checkpoint), (long)Retention.TotalMilliseconds]);
        if (result < 0 && -result < checkpoint.Epoch + 1)
        {
            throw new InvalidOperationException($"Run '{runId}': cannot checkpoint epoch {checkpoint.Epoch}, the log holds {-result} epochs.");
        }
    }

    /// <summary>
    /// The checkpoints of epochs <paramref name="from"/> to <paramref name="epochs"/> − 1, in order (a grain catching up
    /// reads only the epochs it lacks); throws when the log holds fewer.
    /// </summary>
    public async Task<EpochCheckpoint[]> LoadAsync(string runId, int epochs, int from = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, from);
        var count = epochs - from;
        if (count == 0)
        {
            return [];
        }

        var values = await store.Database.ListRangeAsync(EpochsKey(runId), from, epochs - 1);
        if (values.Length != count)
        {
            throw new InvalidOperationException($"Run '{runId}': {epochs} epochs are needed to recover, its checkpoints hold {from + values.Length}.");
        }

        var checkpoints = new EpochCheckpoint[count];
        for (var i = 0; i < count; i++)
        {
            checkpoints[i] = serializer.Deserialize<EpochCheckpoint>((byte[])values[i]!)
                ?? throw new InvalidOperationException($"Run '{runId}': checkpoint {from + i} is empty.");
            if (checkpoints[i].Epoch != from + i)
            {
                throw new InvalidOperationException($"Run '{runId}': checkpoint {from + i} is of epoch {checkpoints[i].Epoch}.");
            }
        }

        return checkpoints;
    }

    /// <summary>Epochs checkpointed so far.</summary>
    public async Task<int> CountAsync(string runId) => (int)await store.Database.ListLengthAsync(EpochsKey(runId));

    private RedisKey RequestKey(string runId) => store.Key("run", runId, "request");

    private RedisKey EpochsKey(string runId) => store.Key("run", runId, "epochs");
}
