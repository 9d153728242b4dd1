using Microsoft.Extensions.Logging;

namespace AgentSim.Host.Hosting;

/// <summary>What an <see cref="AgentSimHost"/> starts.</summary>
public sealed record AgentSimHostOptions
{
    /// <summary>Start the in-process Orleans silo (localhost clustering, in-memory state); false starts only telemetry.</summary>
    public bool Silo { get; init; } = true;

    /// <summary>Serve Prometheus metrics at http://127.0.0.1:port/metrics; 0 picks a free port; null serves none.</summary>
    public int? MetricsPort { get; init; }

    /// <summary>Cluster and service id; null makes one unique to this host.</summary>
    public string? ClusterId { get; init; }

    /// <summary>Lowest level written to the console log (standard error).</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;
}
