using AgentSim.Model.Channels;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails.Checks;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Layers;

/// <summary>
/// The audit layers of a world (audit kind, or any layer placed in the audit stage): after an incident reaches the
/// customer, each covering layer may detect it; the earliest detection counts. Their processing time is reported but adds
/// nothing to the turn, since audit runs after delivery.
/// </summary>
public sealed class AuditTrail
{
    /// <summary>Detection delay of an incident that a log-only layer logged: found as soon as the log is read.</summary>
    public const long LoggedDetectionMicros = 1_000_000;

    private readonly (GuardrailModel Layer, AuditCheck Detector)[] _layers;
    private readonly ISimulationObserver _observer;

    /// <summary>Collects the audit layers of <paramref name="layers"/>.</summary>
    public AuditTrail(IEnumerable<GuardrailModel> layers, ISimulationObserver observer)
    {
        _layers = [.. layers.Where(IsAudit).Select(g => (g, g.Check as AuditCheck ?? new AuditCheck(g.Config)))];
        _observer = observer;
    }

    /// <summary>True for a layer that detects incidents after delivery.</summary>
    public static bool IsAudit(GuardrailModel layer) => layer.Config.Kind == GuardrailKind.Audit || layer.Config.Stage == GuardrailStage.Audit;

    /// <summary>Microseconds until an incident on this channel and provider is detected, or <see cref="AuditCheck.NotDetected"/>.</summary>
    public long Detect(Channel channel, int provider, bool logged, ref Rng rng)
    {
        var after = logged ? LoggedDetectionMicros : AuditCheck.NotDetected;
        foreach (var (layer, detector) in _layers)
        {
            if (!layer.Covers(channel, provider))
            {
                continue;
            }

            var delay = detector.Detect(ref rng);
            if (delay != AuditCheck.NotDetected)
            {
                after = after == AuditCheck.NotDetected ? delay : Math.Min(after, delay);
            }

            _observer.GuardrailCheck(layer.Index, delay == AuditCheck.NotDetected ? CheckResult.Miss : CheckResult.Detect, layer.Latency.SampleMicros(ref rng));
        }

        return after;
    }
}
