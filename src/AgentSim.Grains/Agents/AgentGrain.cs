using AgentSim.Model.Engine;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Agents;
using Orleans.Placement;

namespace AgentSim.Grains.Agents;

/// <summary>Thin shell over an <see cref="AgentGovernor"/>: governance decisions at epoch boundaries.</summary>
[PreferLocalPlacement]
public sealed class AgentGrain(WorldCache worlds) : Grain, IAgentGrain
{
    private AgentState? _state;

    /// <inheritdoc />
    public Task StartAsync(RunRequest request)
    {
        var key = this.GetPrimaryKeyString();
        if (_state is not null)
        {
            RunScope.EnsureSame(key, _state.Request, request);
            return Task.CompletedTask;
        }

        var name = RunScope.PartOf(key, request);
        var world = worlds.Get(request);
        var agent = world.Agents.FirstOrDefault(a => a.Name == name)
            ?? throw new ArgumentException($"The scenario has no agent named '{name}'.", nameof(request));
        _state = new AgentState(request, SharedState.CreateGovernor(world, agent));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<AgentEpochState> BeginEpochAsync(long epochStart)
    {
        var state = RunScope.Started(_state, this.GetPrimaryKeyString());
        if (state.LastBegin is { } last && last.Start == epochStart)
        {
            return Task.FromResult(last.State);
        }

        var answer = new AgentEpochState(state.Governor.RolledBackAt(epochStart), state.Governor.HumanAccept);
        state.LastBegin = (epochStart, answer);
        return Task.FromResult(answer);
    }

    /// <inheritdoc />
    public Task<RollbackReason?> CloseEpochAsync(long epochEnd, long[] incidents, long[] failures, long humanDemand)
    {
        var state = RunScope.Started(_state, this.GetPrimaryKeyString());
        return Task.FromResult(state.Governor.CloseEpoch(epochEnd, incidents, failures, humanDemand));
    }
}
