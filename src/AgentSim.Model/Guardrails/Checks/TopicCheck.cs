using AgentSim.Model.Configuration;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>Topic and policy rails (NeMo-style dialog rails): they catch injections only as off-topic requests, so with lower recall by default.</summary>
[ChecksKind(GuardrailKind.Topic)]
public sealed class TopicCheck(GuardrailConfig config) : PatternRailCheck(config, config.Recall ?? DefaultRecall)
{
    /// <summary>Recall when the layer sets none.</summary>
    public const double DefaultRecall = 0.6;
}
