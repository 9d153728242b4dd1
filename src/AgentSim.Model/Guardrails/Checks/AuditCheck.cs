using AgentSim.Model.Configuration;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>
/// Audit logging: it changes nothing in the turn (it runs after delivery) and decides whether, and how fast, an incident
/// that reached the customer is found. Every layer in the audit stage detects this way (<c>Layers.AuditTrail</c>).
/// </summary>
[ChecksKind(GuardrailKind.Audit)]
public sealed class AuditCheck(GuardrailConfig config) : IGuardrailCheck
{
    /// <summary>Returned by <see cref="Detect"/> when the incident goes unnoticed.</summary>
    public const long NotDetected = long.MinValue;

    private readonly LogNormal _delay = config.DetectionDelay.ToLogNormal();

    /// <inheritdoc />
    public bool ChecksInput => false;

    /// <inheritdoc />
    public bool ChecksOutput => false;

    /// <inheritdoc />
    public CheckResult CheckInput(in CheckedTurn turn, ref CustomerMessage message, ref Rng rng) => CheckResult.Pass;

    /// <inheritdoc />
    public CheckResult CheckOutput(in CheckedTurn turn, ref AgentAnswer answer, ref Rng rng, ref long latencyMicros) => CheckResult.Pass;

    /// <summary>Microseconds from the incident until this layer detects it (at least 1), or <see cref="NotDetected"/>.</summary>
    public long Detect(ref Rng rng) =>
        rng.Chance(config.DetectionRate) ? Math.Max(1, _delay.SampleMicros(ref rng)) : NotDetected;
}
