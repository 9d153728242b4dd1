using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Grains.Tests.Fixtures;

/// <summary>Test-data builders for run requests and reference runs.</summary>
public static class Runs
{
    /// <summary>A request for a preset with a fresh run id.</summary>
    public static RunRequest Request(string preset, ulong seed, long conversations, int parallelism) =>
        new("t" + Guid.NewGuid().ToString("N"), Presets.GetText(preset), preset + ".yaml", seed, conversations, parallelism);

    /// <summary>The same run on the plain in-process loop.</summary>
    public static RunOutcome Plain(RunRequest request, int parallelism = 1) =>
        PlainLoopEngine.Run(WorldCompiler.Compile(request), new RunOptions(request.Conversations, parallelism));
}
