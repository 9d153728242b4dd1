namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>One alert instance expected to fire.</summary>
public sealed class ExpectedAlert
{
    /// <summary>The alert's labels (besides alertname).</summary>
    public Dictionary<string, string> ExpLabels { get; set; } = [];

    /// <summary>The alert's annotations.</summary>
    public Dictionary<string, string> ExpAnnotations { get; set; } = [];
}
