using AgentSim.Model.Engine;
using AgentSim.Model.Results;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Engine;

public class DeterminismTests
{
    private static string Json(string preset, ulong? seed, int parallelism, long conversations = 3_000)
    {
        var cfg = Presets.Load(preset);
        if (seed is { } s)
        {
            cfg.Seed = s;
        }

        var world = World.Compile(cfg);
        return ResultsJson.Serialize(ResultsBuilder.Build(world, PlainLoopEngine.Run(world, new RunOptions(conversations, parallelism))));
    }

    [Theory]
    [InlineData("baseline")]
    [InlineData("provider-outage")]
    public void Run_SameSeedTwice_IdenticalResults(string preset) =>
        Assert.Equal(Json(preset, 7, 1), Json(preset, 7, 1));

    [Theory]
    [InlineData("baseline")]
    [InlineData("no-native-context")]
    public void Run_MoreParallelism_IdenticalResults(string preset) =>
        Assert.Equal(Json(preset, 7, 1), Json(preset, 7, 4));

    [Fact]
    public void Run_AnotherSeed_DifferentResults() =>
        Assert.NotEqual(Json("baseline", 7, 1), Json("baseline", 8, 1));
}
