namespace AgentSim.Observability.Tests;

/// <summary>The external tools these tests drive, with install hints for when they are missing.</summary>
public static class Tools
{
    /// <summary>promtool, from the Prometheus distribution.</summary>
    public static string Promtool => ExternalTool.Require("promtool", "install prometheus: apt-get install prometheus (as .ci/run does)");

    /// <summary>The Prometheus server, from the same distribution as promtool.</summary>
    public static string Prometheus => ExternalTool.Require("prometheus", "install prometheus: apt-get install prometheus (as .ci/run does)");

    /// <summary>docker-compose v1 (1.29 accepts the compose file's version 3.9 and profiles).</summary>
    public static string DockerCompose => ExternalTool.Require("docker-compose", "install docker-compose: apt-get install docker-compose");
}
