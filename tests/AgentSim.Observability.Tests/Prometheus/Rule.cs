namespace AgentSim.Observability.Tests.Prometheus;

/// <summary>An alerting rule (Alert set) or a recording rule (Record set).</summary>
public sealed class Rule
{
    /// <summary>The alert name, for alerting rules.</summary>
    public string? Alert { get; set; }

    /// <summary>The recorded series name, for recording rules.</summary>
    public string? Record { get; set; }

    /// <summary>The PromQL expression.</summary>
    public string Expr { get; set; } = string.Empty;

    /// <summary>How long the condition must hold before the alert fires.</summary>
    public string? For { get; set; }

    /// <summary>Labels added to the alert.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>Annotations of the alert (summary, description).</summary>
    public Dictionary<string, string> Annotations { get; set; } = [];
}
