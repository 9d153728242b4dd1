using AgentSim.Model.Channels;

namespace AgentSim.Model.Engine;

/// <summary>
/// What a caller fixes about a conversation it starts, in place of the draws (each null is drawn as usual): the first
/// channel (one the world routes), the intent index, the customer's tier, and the key of the conversation's random stream
/// (by default its id).
/// </summary>
/// <param name="Channel">The first channel.</param>
/// <param name="Intent">The intent, as an index into <see cref="World.IntentNames"/>.</param>
/// <param name="Tier">The customer's tier, one of the world's tier names.</param>
/// <param name="Stream">Key of the conversation's random stream: the same key gives the same conversation.</param>
public readonly record struct StartChoices(Channel? Channel = null, int? Intent = null, string? Tier = null, ulong? Stream = null);
