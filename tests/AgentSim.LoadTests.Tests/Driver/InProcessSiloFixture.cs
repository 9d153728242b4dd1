using AgentSim.LoadTests.Targets;

namespace AgentSim.LoadTests.Tests.Driver;

/// <summary>One real in-process AgentSim silo (baseline, time scale 100) shared by a test class.</summary>
public sealed class InProcessSiloFixture : IAsyncLifetime
{
    public InProcessTarget Target { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Target = await InProcessTarget.StartAsync("baseline", 100, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Target.DisposeAsync();
}
