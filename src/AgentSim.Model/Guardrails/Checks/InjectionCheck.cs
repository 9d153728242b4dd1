using AgentSim.Model.Configuration;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>Prompt-injection and jailbreak detection: a pattern rail with full recall on the telltale pattern by default.</summary>
[ChecksKind(GuardrailKind.Injection)]
public sealed class InjectionCheck(GuardrailConfig config) : PatternRailCheck(config, config.Recall ?? DefaultRecall)
{
    /// <summary>Recall when the layer sets none.</summary>
    public const double DefaultRecall = 1.0;
}
