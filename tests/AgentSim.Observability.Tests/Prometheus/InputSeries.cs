namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>A synthetic series in a promtool test.</summary>
public sealed class InputSeries
{
    /// <summary>The series selector, e.g. <c>up{job="agentsim"}</c>.</summary>
    public string Series { get; set; } = string.Empty;

    /// <summary>The values in promtool's expanding notation, e.g. <c>0+1x30</c>.</summary>
    public string Values { get; set; } = string.Empty;
}
