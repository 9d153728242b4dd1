namespace AgentSim.Model.Configuration;

/// <summary>The shape of a conversation and what customers plant in their turns.</summary>
public sealed class ConversationConfig
{
    /// <summary>Turns the customer needs to get their intent across (drawn per conversation).</summary>
    public RangeSpec TurnsNeeded { get; set; } = RangeSpec.Of(2, 5);

    /// <summary>Hard cap on turns; a conversation reaching it is escalated.</summary>
    public int MaxTurns { get; set; } = 16;

    /// <summary>Chance that a customer turn carries PII.</summary>
    public double PiiRate { get; set; } = 0.3;

    /// <summary>Chance that a customer turn carries a prompt-injection attempt.</summary>
    public double InjectionRate { get; set; } = 0.02;

    /// <summary>Chance that a customer turn carries abusive text.</summary>
    public double AbuseRate { get; set; } = 0.03;

    /// <summary>Intent weights (billing, order_status, tech_support, account_change, complaint).</summary>
    public Dictionary<string, double> Intents { get; set; } = new()
    {
        ["billing"] = 0.3, ["order_status"] = 0.25, ["tech_support"] = 0.2, ["account_change"] = 0.15, ["complaint"] = 0.1,
    };

    /// <summary>Frustration added when the customer must repeat themselves (0..1 scale).</summary>
    public double FrustrationPerRepeat { get; set; } = 0.25;

    /// <summary>Frustration added when a message must be sent again after a message fault; null for half of <see cref="FrustrationPerRepeat"/>.</summary>
    public double? FrustrationPerResend { get; set; }

    /// <summary>Frustration added when a duplicated message makes the agent answer twice.</summary>
    public double FrustrationPerDuplicate { get; set; } = 0.05;

    /// <summary>Frustration added by a made-up (hallucinated) answer that reached the customer.</summary>
    public double FrustrationPerWrongAnswer { get; set; } = 0.15;

    /// <summary>Frustration added when a guardrail blocked the customer's message or the agent's answer.</summary>
    public double FrustrationPerRefusal { get; set; } = 0.1;

    /// <summary>
    /// Frustration added by waiting for an answer on a channel with a turn tolerance, per mean tolerance waited: a turn that
    /// takes latency L adds this × L ÷ the channel's mean tolerance.
    /// </summary>
    public double FrustrationPerTolerance { get; set; } = 1.0;

    /// <summary>The frustration a resend adds, with its default applied.</summary>
    public double ResendFrustration => FrustrationPerResend ?? FrustrationPerRepeat / 2;

    /// <summary>Per-turn abandonment chance per unit of frustration.</summary>
    public double AbandonPerFrustration { get; set; } = 0.15;
}
