namespace AgentSim.Model.Configuration;

/// <summary>Per-turn error and resolution probabilities of an agent version.</summary>
public sealed class AgentBehaviour
{
    /// <summary>Chance the agent resolves once the customer has got the intent across.</summary>
    public double ResolveRate { get; set; } = 0.85;

    /// <summary>Per-turn chance the agent escalates to a human on its own.</summary>
    public double EscalateRate { get; set; } = 0.03;

    /// <summary>Per-turn chance of an ungrounded answer when the agent has the facts.</summary>
    public double HallucinationRate { get; set; } = 0.01;

    /// <summary>Multiplier on <see cref="HallucinationRate"/> while context is lost (answers without the facts).</summary>
    public double ContextLossHallucinationMultiplier { get; set; } = 8;

    /// <summary>Chance the agent echoes PII it can see in the customer's turn.</summary>
    public double PiiEchoRate { get; set; } = 0.15;

    /// <summary>Chance the agent complies with an injection that reached it.</summary>
    public double InjectionComplyRate { get; set; } = 0.4;

    /// <summary>Per-turn chance of unsafe text; multiplied by <see cref="UnsafeAfterAbuseMultiplier"/> when abusive input reached the agent.</summary>
    public double UnsafeRate { get; set; } = 0.002;

    /// <summary>Multiplier on <see cref="UnsafeRate"/> when abusive input got past the layers to the agent.</summary>
    public double UnsafeAfterAbuseMultiplier { get; set; } = 3;
}
