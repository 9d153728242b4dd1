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
    public void RateLimitCheck_Hold_IsTheLayerLatencyPlusAnExponentialWaitOfMeanOneSecond()
    {
        var rng = new Rng(5);
        var mean = Enumerable.Range(0, 50_000).Average(_ => RateLimitCheck.HoldMicros(new LogNormal(10, 10.0001), ref rng)) / 1e6;
        Assert.InRange(mean, 0.98 + 0.01, 1.02 + 0.01);
    }
}
