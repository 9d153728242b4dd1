using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;

namespace AgentSim.Grains.Worlds;

/// <summary>Checks shared by the run-scoped grains: key matches the request, started once, started before use.</summary>
internal static class RunScope
{
    /// <summary>The part of <paramref name="key"/> after the run id, after checking the run id is the request's.</summary>
    public static string PartOf(string key, RunRequest request)
    {
        GrainKeys.ValidateRunId(request.RunId);
        var (runId, part) = GrainKeys.Split(key);
        return string.Equals(runId, request.RunId, StringComparison.Ordinal)
            ? part
            : throw new ArgumentException($"Grain '{key}' belongs to run '{runId}', not '{request.RunId}'.", nameof(request));
    }

    /// <summary>Throws when a grain already started for a run is started again with a different request.</summary>
    public static void EnsureSame(string key, RunRequest started, RunRequest request)
    {
        if (started != request)
        {
            throw new InvalidOperationException($"Grain '{key}' was already started with a different request.");
        }
    }

    /// <summary>The state of a started grain, or an exception saying it was never started (or lost its activation).</summary>
    public static T Started<T>(T? state, string key)
        where T : class =>
        state ?? throw new InvalidOperationException($"Grain '{key}' has not been started for its run (or was deactivated and lost its state).");
}
