using AgentSim.Model.Guardrails;
using AgentSim.Model.Guardrails.Checks;
using AgentSim.Model.Randomness;
using static AgentSim.Model.Tests.Guardrails.Checks.CheckFixtures;

namespace AgentSim.Model.Tests.Guardrails.Checks;

public class GuardrailChecksTests
{
    [Fact]
    public void Implemented_EveryKindHasExactlyOneCheck() =>
        Assert.Equal(Enum.GetValues<GuardrailKind>().Order(), GuardrailChecks.Implemented.Order());

    [Theory]
    [InlineData(GuardrailKind.Pii, typeof(PiiCheck))]
    [InlineData(GuardrailKind.Injection, typeof(InjectionCheck))]
    [InlineData(GuardrailKind.Topic, typeof(TopicCheck))]
    [InlineData(GuardrailKind.ContentSafety, typeof(ContentSafetyCheck))]
    [InlineData(GuardrailKind.Groundedness, typeof(GroundednessCheck))]
    [InlineData(GuardrailKind.RateLimit, typeof(RateLimitCheck))]
    [InlineData(GuardrailKind.Audit, typeof(AuditCheck))]
    public void Create_Kind_BuildsItsCheck(GuardrailKind kind, Type expected) =>
        Assert.IsType(expected, GuardrailChecks.Create(Layer(kind)));

    [Fact]
    public void AuditCheck_DetectionRate_DetectsThatShareAfterItsDelay()
    {
        var layer = Layer(GuardrailKind.Audit);
        layer.DetectionRate = 0.7;
        layer.DetectionDelay = new() { P50Ms = 60_000, P99Ms = 60_001 };
        var audit = (AuditCheck)GuardrailChecks.Create(layer);
        var rng = new Rng(3);
        var delays = Enumerable.Range(0, 20_000).Select(_ => audit.Detect(ref rng)).ToArray();

        Assert.InRange(delays.Count(d => d != AuditCheck.NotDetected) / 20_000.0, 0.68, 0.72);
        Assert.All(delays.Where(d => d != AuditCheck.NotDetected), d => Assert.InRange(d, 59_000_000, 61_000_000));
    }

    [Fact]
    public void RateLimitCheck_Hold_WaitsTheRetryAfterOncePerThrottledTry()
    {
        // Throttled with chance 0.5 on each retry: tries until admitted are geometric with mean 1/(1 − 0.5) = 2 (capped at
        // 10, which changes the mean by 2^-10), so the mean hold is the layer's ~10 µs plus 2 × 40 ms = 80 ms.
        var rng = new Rng(5);
        var admitted = 0;
        var mean = Enumerable.Range(0, 50_000).Average(_ =>
        {
            var held = RateLimitCheck.HoldMicros(new LogNormal(0.01, 0.010001), 40_000, 0.5, ref rng, out var ok);
            admitted += ok ? 1 : 0;
            return held;
        }) / 1e3;
        Assert.InRange(mean, 79.0, 81.0);
        Assert.InRange(50_000 - admitted, 20, 80); // 50,000 × 2^-10 ≈ 49 give up after ten throttled retries
    }

    [Fact]
    public void RateLimitCheck_Hold_NotThrottledAgain_WaitsExactlyOneRetryAfter()
    {
        var rng = new Rng(6);
        var held = RateLimitCheck.HoldMicros(new LogNormal(0.01, 0.010001), 33_334, 0, ref rng, out var admitted);
        Assert.True(admitted);
        Assert.InRange(held, 33_334, 33_334 + 20);
    }
}
