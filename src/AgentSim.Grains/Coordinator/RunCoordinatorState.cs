using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Checkpoints;
using AgentSim.Model.Engine;
using AgentSim.Model.Epochs;
using AgentSim.Model.Events;

namespace AgentSim.Grains.Coordinator;

/// <summary>In-memory state of a run coordinator: the request, the run's grains, its <see cref="EpochLoop"/> and the snapshots kept for replays.</summary>
internal sealed class RunCoordinatorState
{
    /// <summary>Epochs of snapshots kept for replays: a week of one-second epochs, about 150 MB at most.</summary>
    public const int HistoryLimit = 604_800;

    private readonly GatedObserver? _metrics;

    /// <summary>Creates the state of a run: resolves its grains and prepares its epoch loop.</summary>
    public RunCoordinatorState(RunRequest request, World world, ISimulationObserver? metrics, IGrainFactory grains)
    {
        Request = request;
        World = world;
        Steps = new GrainEpochSteps(request, world, grains);
        _metrics = metrics is null ? null : new GatedObserver(metrics);
        Loop = new EpochLoop(world, request.Conversations, Steps, _metrics, Remember);
    }

    /// <summary>The run request.</summary>
    public RunRequest Request { get; }

    /// <summary>The run's compiled world.</summary>
    public World World { get; }

    /// <summary>The run's grains, as the steps of its epochs.</summary>
    public GrainEpochSteps Steps { get; }

    /// <summary>The epoch protocol, with where the run stands.</summary>
    public EpochLoop Loop { get; }

    /// <summary>Snapshots of the epochs run, oldest first, for replays (the most recent <see cref="HistoryLimit"/>).</summary>
    public List<SnapshotMessage> History { get; } = [];

    /// <summary>Epoch of <c>History[0]</c>.</summary>
    public int HistoryStart { get; private set; }

    /// <summary>
    /// Runs the loop through <paramref name="checkpoints"/> (epochs 0, 1, ... in order) without calling a grain or
    /// counting a metric: the coordinator's queues, tallies, counts and snapshot history are then those it had when the
    /// last of them was written.
    /// </summary>
    public async Task ReplayAsync(IReadOnlyList<EpochCheckpoint> checkpoints)
    {
        Steps.Replay(checkpoints);
        _metrics?.Muted = true;
        try
        {
            while (Steps.Replaying)
            {
                if (!await Loop.StepAsync())
                {
                    throw new InvalidOperationException($"Run '{Request.RunId}' has checkpoints past its end.");
                }
            }
        }
        finally
        {
            _metrics?.Muted = false;
        }
    }

    /// <summary>Where the run stands.</summary>
    public StepResult Progress()
    {
        var p = Loop.Progress;
        return new(p.Started, p.Ended, p.Target, p.SimulatedSeconds, Loop.Epoch, Loop.Done);
    }

    private void Remember(EpochSnapshot snapshot)
    {
        History.Add(SnapshotMessage.From(snapshot));
        if (History.Count > HistoryLimit)
        {
            History.RemoveAt(0);
            HistoryStart++;
        }
    }
}
