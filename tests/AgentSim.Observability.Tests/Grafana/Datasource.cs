namespace AgentSim.Observability.Tests.Grafana;

/// <summary>One provisioned Grafana datasource.</summary>
public sealed class Datasource
{
    /// <summary>The display name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The fixed uid the dashboards refer to.</summary>
    public string Uid { get; set; } = string.Empty;

    /// <summary>The plugin type, e.g. prometheus.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>The URL Grafana's backend reaches the datasource at.</summary>
    public string Url { get; set; } = string.Empty;
}
