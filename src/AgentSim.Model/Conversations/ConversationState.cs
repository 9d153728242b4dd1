using AgentSim.Model.Channels;
using AgentSim.Model.Customers;
using AgentSim.Model.Events;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Conversations;

/// <summary>An in-flight conversation: its own random stream and the context it has built up.</summary>
public sealed class ConversationState
{
    /// <summary>The conversation's own random stream, derived from (run seed, conversation id).</summary>
    public Rng Rng;

    /// <summary>The conversation's guardrail stream, derived from (run seed, conversation id) for another purpose: layers draw only from it.</summary>
    public Rng GuardRng;

    /// <summary>Conversation id.</summary>
    public long Id { get; init; }

    /// <summary>The customer.</summary>
    public required CustomerProfile Customer { get; init; }

    /// <summary>Intent index.</summary>
    public int Intent { get; init; }

    /// <summary>Agent index serving the intent.</summary>
    public int Agent { get; init; }

    /// <summary>Turns the customer needs to get the intent across.</summary>
    public int TurnsNeeded { get; init; }

    /// <summary>Current channel.</summary>
    public Channel Channel { get; set; }

    /// <summary>Provider that served the last turn (-1 before the first).</summary>
    public int LastProvider { get; set; } = -1;

    /// <summary>When the next turn starts, µs of simulated time.</summary>
    public long NextTurnAt { get; set; }

    /// <summary>Turns taken.</summary>
    public int Turns { get; set; }

    /// <summary>Turns that moved the intent forward.</summary>
    public int Progress { get; set; }

    /// <summary>0 = calm; grows with repeats, refusals and wrong answers.</summary>
    public double Frustration { get; set; }

    /// <summary>Times the customer had to repeat themselves.</summary>
    public int Repeats { get; set; }

    /// <summary>True while the agent lacks the context lost on a switch.</summary>
    public bool ContextLost { get; set; }

    /// <summary>Set when the conversation has ended.</summary>
    public Outcome? Outcome { get; set; }

    /// <summary>Set when the conversation has been handed to a human queue, which decides its outcome.</summary>
    public bool HandedOver { get; set; }
}
