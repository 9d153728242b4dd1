using AgentSim.Model.Configuration;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>
/// Rate limiting: it checks no text. When a provider it covers throttles a request, the limiter holds the request until
/// the quota frees up instead of letting a 429 through (<see cref="Providers.ProviderRouter"/> asks it).
/// </summary>
[ChecksKind(GuardrailKind.RateLimit)]
public sealed class RateLimitCheck(GuardrailConfig config) : IGuardrailCheck
{
    /// <summary>Mean time a held request waits for the quota, in seconds (exponential).</summary>
    public const double MeanWaitSeconds = 1.0;

    /// <summary>The layer's configuration.</summary>
    public GuardrailConfig Config { get; } = config;

    /// <inheritdoc />
    public bool ChecksInput => false;

    /// <inheritdoc />
    public bool ChecksOutput => false;

    /// <inheritdoc />
    public CheckResult CheckInput(in CheckedTurn turn, ref CustomerMessage message, ref Rng rng) => CheckResult.Pass;

    /// <inheritdoc />
    public CheckResult CheckOutput(in CheckedTurn turn, ref AgentAnswer answer, ref Rng rng, ref long latencyMicros) => CheckResult.Pass;

    /// <summary>How long a throttled request is held: the limiter's own latency plus the wait for the quota.</summary>
    public static long HoldMicros(LogNormal layerLatency, ref Rng rng) =>
        layerLatency.SampleMicros(ref rng) + (long)(rng.Exponential(MeanWaitSeconds) * 1_000_000);
}
