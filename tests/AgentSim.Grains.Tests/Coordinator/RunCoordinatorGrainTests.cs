using AgentSim.Abstractions.Grains;
using AgentSim.Grains.Tests.Fixtures;

namespace AgentSim.Grains.Tests.Coordinator;

[Collection(ClusterCollection.Name)]
public sealed class RunCoordinatorGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task StartAsync_SameRunIdDifferentRequest_Throws()
    {
        var request = Runs.Request("baseline", seed: 2, conversations: 10, parallelism: 2);
        var grain = cluster.Client.GetGrain<IRunCoordinatorGrain>(request.RunId);
        await grain.StartAsync(request);
        await grain.StartAsync(request);

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.StartAsync(request with { Seed = 3 }));
    }

    [Fact]
    public async Task StepAsync_AfterDone_KeepsReturningTheFinalProgress()
    {
        var request = Runs.Request("baseline", seed: 2, conversations: 50, parallelism: 2);
        var grain = cluster.Client.GetGrain<IRunCoordinatorGrain>(request.RunId);
        await grain.StartAsync(request);

        var step = await grain.StepAsync();
        while (!step.Done)
        {
            step = await grain.StepAsync();
        }

        var again = await grain.StepAsync();
        Assert.Equal(step, again);
        Assert.Equal(50, again.Ended);
    }
}
