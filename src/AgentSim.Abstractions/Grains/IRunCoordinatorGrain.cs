using AgentSim.Abstractions.Messages;

namespace AgentSim.Abstractions.Grains;

/// <summary>Drives one run epoch by epoch: snapshot of shared state, shards in parallel, merge, close. Key: run id.</summary>
[Alias("AgentSim.IRunCoordinatorGrain")]
public interface IRunCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Starts the run (idempotent for the same request) and the grains it uses.</summary>
    [Alias("Start")]
    Task StartAsync(RunRequest request);

    /// <summary>Runs one epoch and returns the progress after it; once done, returns the final progress.</summary>
    [Alias("Step")]
    Task<StepResult> StepAsync();

    /// <summary>Merges the shard tallies with the coordinator's rollback tally.</summary>
    [Alias("GetTally")]
    Task<TallyResult> GetTallyAsync();

    /// <summary>Where the run stands, without running an epoch.</summary>
    [Alias("GetProgress")]
    Task<StepResult> GetProgressAsync();

    /// <summary>The request the run was started with.</summary>
    [Alias("GetRequest")]
    Task<RunRequest> GetRequestAsync();

    /// <summary>Up to <paramref name="count"/> epoch snapshots from <paramref name="fromEpoch"/> on (fewer when the run has not got that far), for replays.</summary>
    [Alias("GetSnapshots")]
    Task<SnapshotMessage[]> GetSnapshotsAsync(int fromEpoch, int count);
}
