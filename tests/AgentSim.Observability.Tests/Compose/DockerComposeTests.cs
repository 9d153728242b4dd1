namespace AgentSim.Observability.Tests.Compose;

/// <summary>Validates docker-compose.yml with the real docker-compose (no Docker engine needed).</summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task Config_DockerComposeYml_IsValid()
    {
        var result = await ExternalTool.RunAsync(Tools.DockerCompose, "-f", "docker-compose.yml", "config", "-q");

        result.AssertSuccess("docker-compose -f docker-compose.yml config -q");
    }

    [Fact]
    public async Task Config_WithLoadProfile_IsValid()
    {
        var result = await ExternalTool.RunAsync(Tools.DockerCompose, "-f", "docker-compose.yml", "--profile", "load", "config", "-q");

        result.AssertSuccess("docker-compose -f docker-compose.yml --profile load config -q");
    }

    [Fact]
    public void DockerComposeYml_MountsTheFilesTheTestsCheck()
    {
        var compose = File.ReadAllText(RepoPaths.Combine("docker-compose.yml"));

        Assert.Contains("./prometheus:/etc/prometheus:ro", compose, StringComparison.Ordinal);
        Assert.Contains("./grafana/provisioning:/etc/grafana/provisioning:ro", compose, StringComparison.Ordinal);
        Assert.Contains("./grafana/dashboards:/var/lib/grafana/dashboards:ro", compose, StringComparison.Ordinal);
        Assert.Contains("silo:9464", File.ReadAllText(Path.Combine(RepoPaths.Prometheus, "prometheus.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void DockerComposeYml_SiloOnEveryInterface_ServesNoDashboard()
    {
        var compose = File.ReadAllText(RepoPaths.Combine("docker-compose.yml"));

        Assert.Contains("\"--urls\", \"http://0.0.0.0:9464\"", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("\"--dashboard\"", compose, StringComparison.Ordinal);
        Assert.Contains("AGENTSIM_SILO__DASHBOARD: \"false\"", compose, StringComparison.Ordinal);
    }
}
