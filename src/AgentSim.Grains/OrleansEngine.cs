using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;

namespace AgentSim.Grains;

/// <summary>Client-side driver of the Orleans engine: starts a run's coordinator and steps it epoch by epoch to the end.</summary>
public static class OrleansEngine
{
    /// <summary>Runs a request to completion on the cluster and returns its merged totals (compile the world with <see cref="WorldCompiler.Compile"/> to build results).</summary>
    public static async Task<RunOutcome> RunAsync(IGrainFactory grains, RunRequest request, IProgress<RunProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(request);
        var world = WorldCompiler.Compile(request);
        var coordinator = grains.GetGrain<IRunCoordinatorGrain>(request.RunId);
        await coordinator.StartAsync(request);
        StepResult step;
        do
        {
            ct.ThrowIfCancellationRequested();
            step = await coordinator.StepAsync();
            progress?.Report(step.ToProgress());
        }
        while (!step.Done);

        var totals = await coordinator.GetTallyAsync();
        var tally = new RunTally(world);
        tally.Add(totals.Values);
        return new RunOutcome(tally, request.Conversations, totals.Epochs);
    }
}
