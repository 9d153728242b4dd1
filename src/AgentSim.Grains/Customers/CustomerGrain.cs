using AgentSim.Model;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Channels;
using AgentSim.Model.Customers;

namespace AgentSim.Grains.Customers;

/// <summary>A customer of the synthetic population: profile from <see cref="CustomerFactory"/> with PII masked, plus recent outcomes.</summary>
public sealed class CustomerGrain(WorldCache worlds) : Grain, ICustomerGrain
{
    private readonly CustomerState _state = new();

    /// <inheritdoc />
    public Task<CustomerView> GetProfileAsync(RunRequest request)
    {
        if (_state.Profile is { } cached && cached.Request.SameWorldAs(request))
        {
            return Task.FromResult(cached.View);
        }

        var world = worlds.Get(request);
        var profile = new CustomerFactory(world.Seed, world.Config.Customers, world.ChannelMix, cacheLimit: 1).Create(this.GetPrimaryKeyLong());
        var view = new CustomerView(
            profile.Id,
            profile.Locale,
            profile.Tier,
            profile.PreferredChannel.Name(),
            profile.SwitchPropensity,
            profile.Patience,
            [.. profile.Pii.Select(CustomerProfile.Mask)]);
        _state.Profile = (request, view);
        return Task.FromResult(view);
    }

    /// <inheritdoc />
    public Task RecordOutcomeAsync(CustomerOutcomeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _state.History.Enqueue(entry);
        while (_state.History.Count > CustomerState.HistoryLimit)
        {
            _state.History.Dequeue();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CustomerOutcomeEntry[]> GetHistoryAsync() => Task.FromResult(_state.History.ToArray());
}
