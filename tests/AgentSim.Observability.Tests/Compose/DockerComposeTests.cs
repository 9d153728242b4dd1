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
    public async Task Config_WithLoadProfile_LoadDriverLoadsTheSiloAndServesMetricsPrometheusScrapes()
    {
        var result = await ExternalTool.RunAsync(Tools.DockerCompose, "-f", "docker-compose.yml", "--profile", "load", "config");
        result.AssertSuccess("docker-compose -f docker-compose.yml --profile load config");
        var services = new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, object>>(result.Output[result.Output.IndexOf("services:", StringComparison.Ordinal)..]);
        var loadtest = (Dictionary<object, object>)((Dictionary<object, object>)services["services"])["loadtest"];

        var command = ((List<object>)loadtest["command"]).Cast<string>().ToList();
        Assert.Equal("http://silo:9464", command[command.IndexOf("--target") + 1]);
        Assert.Equal("9465", command[command.IndexOf("--metrics-port") + 1]);
        Assert.Equal("0.0.0.0", command[command.IndexOf("--metrics-host") + 1]);
        Assert.Contains("--no-live", command);
        Assert.Equal("loadtest", ((Dictionary<object, object>)loadtest["build"])["target"]);
        var prometheus = File.ReadAllText(Path.Combine(RepoPaths.Prometheus, "prometheus.yml"));
        Assert.Contains("job_name: agentsim-load", prometheus, StringComparison.Ordinal);
        Assert.Contains("\"loadtest:9465\"", prometheus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_ThreeSilosFormOneRedisClusterAndPrometheusScrapesEachOfThem()
    {
        var result = await ExternalTool.RunAsync(Tools.DockerCompose, "-f", "docker-compose.yml", "config");
        result.AssertSuccess("docker-compose -f docker-compose.yml config");
        var services = (Dictionary<object, object>)new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, object>>(result.Output[result.Output.IndexOf("services:", StringComparison.Ordinal)..])["services"];
        string[] silos = ["silo", "silo2", "silo3"];

        Assert.Contains("redis", services.Keys);
        Assert.Contains("redis-server", ((List<object>)((Dictionary<object, object>)services["redis"])["command"]).Cast<string>());
        var environments = silos.Select(name => (Dictionary<object, object>)((Dictionary<object, object>)services[name])["environment"]).ToList();
        Assert.All(environments, environment =>
        {
            Assert.Equal("redis", environment["AGENTSIM_SILO__CLUSTERING"]);
            Assert.Equal("redis:6379", environment["AGENTSIM_SILO__REDIS"]);
            Assert.Equal("agentsim", environment["AGENTSIM_SILO__CLUSTERID"]);
            Assert.Equal("false", environment["AGENTSIM_SILO__DASHBOARD"]);
        });
        Assert.Equal(silos, environments.Select(environment => (string)environment["AGENTSIM_SILO__ADVERTISEDADDRESS"]));
        Assert.All(silos, name => Assert.Contains("silo", ((List<object>)((Dictionary<object, object>)services[name])["command"]).Cast<string>()));
        var prometheus = File.ReadAllText(Path.Combine(RepoPaths.Prometheus, "prometheus.yml"));
        Assert.Contains("targets: [\"silo:9464\", \"silo2:9464\", \"silo3:9464\"]", prometheus, StringComparison.Ordinal);
        Assert.All(silos, name => Assert.Contains(name, ((Dictionary<object, object>)((Dictionary<object, object>)services["prometheus"])["depends_on"]).Keys.Cast<string>()));
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
