using AgentSim.Model.Channels;
using AgentSim.Model.Conversations;
using AgentSim.Model.Customers;
using AgentSim.Model.Events;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Engine;

/// <summary>
/// Starts a conversation from the seed and its id: a customer from the population, an intent and the agent serving it,
/// the turns the customer needs, and the first channel (the customer's preferred one, or one drawn from the mix when it
/// is not routed). Not thread-safe: one per shard.
/// </summary>
public sealed class ConversationStarter(World world, ISimulationObserver observer)
{
    private readonly CustomerFactory _customers = new(world.Seed, world.Config.Customers, world.ChannelMix);

    /// <summary>Starts conversation <paramref name="id"/> arriving at <paramref name="arrivalMicros"/>.</summary>
    public ConversationState Start(long id, long arrivalMicros) => Start(id, arrivalMicros, default);

    /// <summary>
    /// Starts conversation <paramref name="id"/> arriving at <paramref name="arrivalMicros"/>, with what <paramref name="choices"/>
    /// fixes in place of the draws (every draw is still made, so the rest of the conversation is the one the stream defines).
    /// </summary>
    public ConversationState Start(long id, long arrivalMicros, in StartChoices choices)
    {
        var rng = new Rng(world.Seed, choices.Stream ?? (ulong)id, Purpose.Conversation);
        var population = Math.Max(1, world.Config.Customers.Population);
        var customer = _customers.Get((long)(rng.NextUInt64() % (ulong)population));
        if (choices.Tier is { } tier)
        {
            customer = customer.WithTier(tier);
        }

        var intent = Math.Max(0, world.Intents.Sample(ref rng));
        intent = choices.Intent ?? intent;
        var needed = rng.NextInclusive((int)world.Config.Conversation.TurnsNeeded.Min, (int)world.Config.Conversation.TurnsNeeded.Max);
        var channel = customer.PreferredChannel;
        if (world.Routes[(int)channel].Primary < 0)
        {
            var drawn = world.ChannelMix.Sample(ref rng);
            channel = drawn < 0 ? Channel.WebChat : (Channel)drawn;
        }

        channel = choices.Channel ?? channel;

        var state = new ConversationState
        {
            Id = id,
            Customer = customer,
            Intent = intent,
            Agent = world.AgentForIntent.Length == 0 ? 0 : world.AgentForIntent[intent],
            TurnsNeeded = Math.Max(1, needed),
            Channel = channel,
            NextTurnAt = arrivalMicros,
            Rng = rng,
            GuardRng = new Rng(world.Seed, choices.Stream ?? (ulong)id, Purpose.Guardrail),
        };
        observer.ConversationStarted(channel);
        return state;
    }
}
