using AgentSim.Model.Configuration;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>
/// Rate limiting: it checks no text. When a provider it covers throttles a request, the limiter holds the request until
/// the provider's stated retry-after has passed and retries, instead of letting a 429 through (<see cref="Providers.ProviderRouter"/> asks it).
/// </summary>
[ChecksKind(GuardrailKind.RateLimit)]
public sealed class RateLimitCheck(GuardrailConfig config) : IGuardrailCheck
{
    /// <summary>Retries a held request makes before the limiter gives up and lets the 429 through (to the failover).</summary>
    public const int MaxRetries = 10;

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

    /// <summary>
    /// Holds a throttled request: the limiter's own latency, then it waits the provider's stated retry-after
    /// (<paramref name="retryAfterMicros"/>, until its next token) and retries, throttled again with chance
    /// <paramref name="throttle"/>, at most <see cref="MaxRetries"/> times. Returns the time held; <paramref name="admitted"/>
    /// is false when every retry was throttled.
    /// </summary>
    public static long HoldMicros(LogNormal layerLatency, long retryAfterMicros, double throttle, ref Rng rng, out bool admitted)
    {
        var held = layerLatency.SampleMicros(ref rng);
        for (var retry = 0; retry < MaxRetries; retry++)
        {
            held += retryAfterMicros;
            if (!rng.Chance(throttle))
            {
                admitted = true;
                return held;
            }
        }

        admitted = false;
        return held;
    }
}
