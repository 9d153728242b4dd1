namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>A promtool rule unit-test file (tests.yml).</summary>
public sealed class RuleTestFile
{
    /// <summary>The rule files under test.</summary>
    public List<string> RuleFiles { get; set; } = [];

    /// <summary>The test groups.</summary>
    public List<RuleTestGroup> Tests { get; set; } = [];
}
