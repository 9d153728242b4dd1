using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains;
using AgentSim.Grains.Checkpoints;
using AgentSim.Grains.Cluster;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>
/// The checkpoint replay, step by step, on an in-process two-silo cluster whose runs are checkpointed in a real Redis:
/// every grain of a run deactivated part-way (its state gone, as with a lost silo) catches up from the checkpoints, and a
/// coordinator whose last checkpoint never landed runs that epoch again while the grains already past it are rebuilt;
/// either way the run's tally is the plain in-process loop's exactly (the reference every engine is held to).
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class CheckpointReplayTests : IAsyncLifetime
{
    private RedisServerProcess? _redis;
    private InProcessTestCluster? _cluster;
    private ConnectionMultiplexer? _connection;
    private readonly string _clusterId = "checkpoints-" + Guid.NewGuid().ToString("N");

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServerProcess.StartAsync(TestContext.Current.CancellationToken);
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.Address);
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ClusterId = _clusterId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(new ClusterStore(_clusterId, _connection));
            silo.AddAgentSimGrains();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("strict-governance")]
    [InlineData("provider-outage")]
    public async Task EveryGrainDeactivatedPartWay_CatchesUpFromTheCheckpoints_AndTheTallyIsThePlainLoopsExactly(string preset)
    {
        var (request, coordinator) = await StartAsync(preset);
        var stepped = await StepAsync(coordinator, 25);

        // Every activation goes, the coordinator's too: their state is lost as with their silo.
        await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        await _cluster!.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        var resumed = await coordinator.GetProgressAsync();

        Assert.Equal(stepped.Epochs, resumed.Epochs);
        Assert.Equal(stepped.Ended, resumed.Ended);
        await FinishAndCompareAsync(request, coordinator);
    }

    [Fact]
    public async Task GrainsAskedForAnEpochTheyArePast_AreRebuiltFromTheStartAndAnswerAsTheyDidThen_AndTheRunStillEndsWithThePlainLoopsTally()
    {
        // What a coordinator meets when its last checkpoint never landed and it runs that epoch again: grains already past it.
        var (request, coordinator) = await StartAsync("strict-governance", parallelism: 1);
        var stepped = await StepAsync(coordinator, 30);
        var checkpoints = Checkpoints();
        await WrittenAsync(checkpoints, request.RunId, stepped.Epochs);
        var past = (await checkpoints.LoadAsync(request.RunId, stepped.Epochs))[27];
        var world = WorldCompiler.Compile(request);
        var grains = _cluster!.Client;

        var shard = await grains.GetGrain<IConversationShardGrain>(GrainKeys.Shard(request.RunId, 0)).AdvanceAsync(past.Snapshot, past.FirstId, past.Count);
        var agents = await Task.WhenAll(world.Agents.Select(a => grains.GetGrain<IAgentGrain>(GrainKeys.Of(request.RunId, a.Name)).BeginEpochAsync(past.Snapshot.StartMicros)));
        var providers = await Task.WhenAll(world.Providers.Select(p => grains.GetGrain<IProviderGrain>(GrainKeys.Of(request.RunId, p.Name)).BeginEpochAsync(past.Snapshot.StartMicros)));

        // One shard: its report is the epoch's merged report, field for field.
        Assert.Equal(past.Merged.Started, shard.Started);
        Assert.Equal(past.Merged.Ended, shard.Ended);
        Assert.Equal(past.Merged.InFlight, shard.InFlight);
        Assert.Equal(past.Merged.ProviderRequests, shard.ProviderRequests);
        Assert.Equal(past.Merged.IncidentTimes, shard.IncidentTimes);
        Assert.Equal(past.Merged.HandoverIds, shard.HandoverIds);
        Assert.Equal(past.Snapshot.AgentRolledBack, agents.Select(a => a.RolledBack));
        Assert.Equal(past.Snapshot.AgentUtilisation, agents.Select(a => a.Utilisation));
        Assert.Equal(past.Snapshot.ProviderDown, providers.Select(p => p.Down));
        Assert.Equal(past.Snapshot.ProviderThrottle, providers.Select(p => p.Throttle));

        // Now behind the coordinator, the same grains catch up from the checkpoints when the run goes on.
        await FinishAndCompareAsync(request, coordinator);
    }

    [Fact]
    public async Task Append_RefusesAGap_LeavesAnEpochAlreadyLoggedAsItIs()
    {
        var (request, coordinator) = await StartAsync("baseline");
        await StepAsync(coordinator, 3);
        var checkpoints = Checkpoints();
        await WrittenAsync(checkpoints, request.RunId, 3);
        var logged = await checkpoints.LoadAsync(request.RunId, 3);

        await checkpoints.AppendAsync(request.RunId, logged[2]);
        await checkpoints.AppendAsync(request.RunId, logged[1]);
        var gap = await Assert.ThrowsAsync<InvalidOperationException>(() => checkpoints.AppendAsync(request.RunId, logged[2] with { Snapshot = logged[2].Snapshot with { Epoch = 5 } }));

        Assert.Contains("cannot checkpoint epoch 5, the log holds 3 epochs", gap.Message, StringComparison.Ordinal);
        Assert.Equal(3, await checkpoints.CountAsync(request.RunId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => checkpoints.LoadAsync(request.RunId, 4));
    }

    // The coordinator writes checkpoints while the next epochs run: waits until the first `epochs` are in the log.
    private static async Task WrittenAsync(RunCheckpoints checkpoints, string runId, int epochs)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (await checkpoints.CountAsync(runId) < epochs)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the first {epochs} checkpoints were not written within 10 s");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private RunCheckpoints Checkpoints() =>
        new(new ClusterStore(_clusterId, _connection!), _cluster!.Client.ServiceProvider.GetRequiredService<Orleans.Serialization.Serializer>());

    private async Task<(RunRequest Request, IRunCoordinatorGrain Coordinator)> StartAsync(string preset, int parallelism = 4)
    {
        var request = new RunRequest("t" + Guid.NewGuid().ToString("N"), Presets.GetText(preset), preset + ".yaml", 9, 3_000, parallelism);
        var coordinator = _cluster!.Client.GetGrain<IRunCoordinatorGrain>(request.RunId);
        await coordinator.StartAsync(request);
        return (request, coordinator);
    }

    private static async Task<StepResult> StepAsync(IRunCoordinatorGrain coordinator, int epochs)
    {
        StepResult step = null!;
        for (var i = 0; i < epochs; i++)
        {
            step = await coordinator.StepAsync();
            Assert.False(step.Done, "the run ended too early to be interrupted");
        }

        return step;
    }

    private static async Task FinishAndCompareAsync(RunRequest request, IRunCoordinatorGrain coordinator)
    {
        while (!(await coordinator.StepAsync()).Done)
        {
        }

        var tally = await coordinator.GetTallyAsync();
        var plain = PlainLoopEngine.Run(WorldCompiler.Compile(request), new RunOptions(request.Conversations, 1));
        Assert.Equal(plain.Epochs, tally.Epochs);
        Assert.Equal(plain.Tally.Values, tally.Values);
    }
}
