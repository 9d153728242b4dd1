using AgentSim.Model.Engine;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Providers;
using AgentSim.Model.Randomness;
using Orleans.Placement;

namespace AgentSim.Grains.Guardrails;

/// <summary>Thin shell over a guardrail layer's <see cref="OutageProcess"/>.</summary>
[PreferLocalPlacement]
public sealed class GuardrailLayerGrain(WorldCache worlds) : Grain, IGuardrailLayerGrain
{
    private GuardrailLayerState? _state;

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
        var layer = world.Guardrails.FirstOrDefault(g => g.Name == name)
            ?? throw new ArgumentException($"The scenario has no guardrail layer named '{name}'.", nameof(request));
        var outages = SharedState.CreateGuardrailOutage(world, layer);
        _state = new GuardrailLayerState(request, outages);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> BeginEpochAsync(long epochStart)
    {
        var state = RunScope.Started(_state, this.GetPrimaryKeyString());
        if (state.LastBegin is { } last && last.Start == epochStart)
        {
            return Task.FromResult(last.Down);
        }

        var down = state.Outages.DownDuring(epochStart);
        state.LastBegin = (epochStart, down);
        return Task.FromResult(down);
    }
}
