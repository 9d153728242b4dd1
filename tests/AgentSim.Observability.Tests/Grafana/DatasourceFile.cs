namespace AgentSim.Observability.Tests.Grafana;

/// <summary>A Grafana datasource provisioning file.</summary>
public sealed class DatasourceFile
{
    /// <summary>The provisioned datasources.</summary>
    public List<Datasource> Datasources { get; set; } = [];
}
