using AgentSim.Model.Text;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>The customer's message as the layers before the agent see and change it.</summary>
public struct CustomerMessage
{
    /// <summary>The text as it stands (masked by the layers that masked it).</summary>
    public string Text;

    /// <summary>An injection attempt is still in the text (no layer caught it yet).</summary>
    public bool InjectionLive;

    /// <summary>Abusive text is still in the message.</summary>
    public bool AbuseLive;

    /// <summary>A layer blocked the message: the agent does not answer it.</summary>
    public bool Blocked;

    /// <summary>A layer handed the conversation to a human.</summary>
    public bool Escalate;

    /// <summary>The message of a freshly written utterance, before any layer.</summary>
    public static CustomerMessage Of(Utterance u) =>
        new() { Text = u.Text, InjectionLive = u.Injection is not null, AbuseLive = u.AbuseSeverity > 0 };
}
