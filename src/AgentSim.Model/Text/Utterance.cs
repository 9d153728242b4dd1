using AgentSim.Model.Guardrails;

namespace AgentSim.Model.Text;

/// <summary>One customer turn as text, with what was planted in it.</summary>
public sealed class Utterance
{
    /// <summary>The text as the channel carries it (spoken forms on voice).</summary>
    public string Text { get; set; } = "";

    /// <summary>Planted PII entity, if any.</summary>
    public PiiEntity? Entity { get; set; }

    /// <summary>Fingerprint (<see cref="SpokenForms.Fingerprint"/>) of the planted value.</summary>
    public string EntityFingerprint { get; set; } = "";

    /// <summary>Written value of the planted entity.</summary>
    public string EntityValue { get; set; } = "";

    /// <summary>Planted injection attempt class, if any.</summary>
    public InjectionClass? Injection { get; set; }

    /// <summary>Planted abuse severity (0 = none, up to 7).</summary>
    public int AbuseSeverity { get; set; }
}

/// <summary>Classes of prompt-injection attempt.</summary>
public enum InjectionClass
{
    /// <summary>"Ignore all previous instructions …".</summary>
    Direct,

    /// <summary>Role-play jailbreaks ("pretend you are …").</summary>
    RolePlay,

    /// <summary>Obfuscated text that pattern matchers miss.</summary>
    Obfuscated,

    /// <summary>Instructions hidden in quoted content.</summary>
    Indirect,
}
