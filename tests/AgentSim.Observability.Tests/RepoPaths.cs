namespace AgentSim.Observability.Tests;

/// <summary>Locates the repository root and the observability files inside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding AgentSim.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>prometheus/ under the repository root.</summary>
    public static string Prometheus => Path.Combine(Root, "prometheus");

    /// <summary>grafana/dashboards/ under the repository root.</summary>
    public static string Dashboards => Path.Combine(Root, "grafana", "dashboards");

    /// <summary>The provisioned Grafana datasource file.</summary>
    public static string DatasourceFile => Path.Combine(Root, "grafana", "provisioning", "datasources", "datasource.yml");

    /// <summary>Combines <paramref name="parts"/> under the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder holding AgentSim.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
