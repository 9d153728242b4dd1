using AgentSim.Abstractions.Grains;
using AgentSim.Grains.Tests.Fixtures;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Events;

namespace AgentSim.Grains.Tests.Agents;

[Collection(ClusterCollection.Name)]
public sealed class AgentGrainTests(ClusterFixture cluster)
{
    [Fact]
    public async Task CloseEpochAsync_IncidentsOverBudget_RollsBackThenRecoversAfterCooldown()
    {
        var request = Runs.Request("baseline", seed: 1, conversations: 0, parallelism: 1);
        var world = WorldCompiler.Compile(request);
        var agent = world.Agents[0];
        var policy = agent.Config.Governance;
        var epoch = world.EpochMicros;
        var grain = cluster.Client.GetGrain<IAgentGrain>(GrainKeys.Of(request.RunId, agent.Name));
        await grain.StartAsync(request);

        var first = await grain.BeginEpochAsync(0);
        var incidents = Enumerable.Range(0, policy.IncidentBudget + 1).Select(i => (long)i * 1_000).ToArray();
        var reason = await grain.CloseEpochAsync(epoch, incidents, [], 0, 0);
        var during = await grain.BeginEpochAsync(epoch);
        var cooldownEnd = epoch + (long)(policy.CooldownMinutes * 60_000_000);
        var lastBlocked = await grain.BeginEpochAsync(cooldownEnd - epoch);
        var after = await grain.BeginEpochAsync(cooldownEnd);

        Assert.False(first.RolledBack);
        Assert.Equal(RollbackReason.Incidents, reason);
        Assert.True(during.RolledBack);
        Assert.True(lastBlocked.RolledBack);
        Assert.False(after.RolledBack);
    }

    [Fact]
    public async Task CloseEpochAsync_IncidentsWithinBudget_DoesNotRollBack()
    {
        var request = Runs.Request("baseline", seed: 1, conversations: 0, parallelism: 1);
        var world = WorldCompiler.Compile(request);
        var agent = world.Agents[0];
        var grain = cluster.Client.GetGrain<IAgentGrain>(GrainKeys.Of(request.RunId, agent.Name));
        await grain.StartAsync(request);

        var incidents = Enumerable.Range(0, agent.Config.Governance.IncidentBudget).Select(i => (long)i).ToArray();
        var reason = await grain.CloseEpochAsync(world.EpochMicros, incidents, [], 0, 0);
        var next = await grain.BeginEpochAsync(world.EpochMicros);

        Assert.Null(reason);
        Assert.False(next.RolledBack);
    }

    [Fact]
    public async Task BeginEpochAsync_NotStarted_Throws()
    {
        var grain = cluster.Client.GetGrain<IAgentGrain>(GrainKeys.Of("never" + Guid.NewGuid().ToString("N"), "agent"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.BeginEpochAsync(0));
    }
}
