namespace AgentSim.Observability.Tests;

/// <summary>The external tools these tests drive, with install hints for when they are missing.</summary>
public static class Tools
{
    /// <summary>What to do when a tool is missing: the README's test command installs them all.</summary>
    public const string InstallHint =
        "Run the tests with ./test.sh from the repository root: it installs prometheus (with promtool) and docker-compose "
        + "when they are missing (apt-get, as root or with sudo), then runs dotnet test. "
        + "Or install them yourself: apt-get install --no-install-recommends prometheus docker-compose.";

    /// <summary>promtool, from the Prometheus distribution.</summary>
    public static string Promtool => ExternalTool.Require("promtool", InstallHint);

    /// <summary>The Prometheus server, from the same distribution as promtool.</summary>
    public static string Prometheus => ExternalTool.Require("prometheus", InstallHint);

    /// <summary>docker-compose v1 (1.29 accepts the compose file's version 3.9 and profiles).</summary>
    public static string DockerCompose => ExternalTool.Require("docker-compose", InstallHint);
}
