using System.Text.Json.Serialization;

namespace AgentSim.Cli.Output;

/// <summary>How a run went on this machine (run-info.json): wall-clock timing, engine and environment. Never part of results.json.</summary>
public sealed record RunInfo
{
    /// <summary>Wall-clock start of the engine run (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall-clock end of the engine run (UTC).</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>Engine run duration, seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Time to start the silo and metrics endpoint before the run, seconds.</summary>
    public required double HostStartupSeconds { get; init; }

    /// <summary>Conversations per wall-clock second of the engine run.</summary>
    public required double ConversationsPerSecond { get; init; }

    /// <summary>Conversations run.</summary>
    public required long Conversations { get; init; }

    /// <summary>Engine: orleans or loop.</summary>
    public required string Engine { get; init; }

    /// <summary>Shards side by side.</summary>
    public required int Parallelism { get; init; }

    /// <summary>Scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Scenario file's full path, or <c>preset:NAME</c>.</summary>
    public required string ScenarioPath { get; init; }

    /// <summary>SHA-256 of the scenario text.</summary>
    public required string ScenarioHash { get; init; }

    /// <summary>Seed the run used.</summary>
    public required ulong Seed { get; init; }

    /// <summary>AgentSim version.</summary>
    [JsonPropertyName("agentsim_version")]
    public required string AgentSimVersion { get; init; }

    /// <summary>Orleans version.</summary>
    public required string OrleansVersion { get; init; }

    /// <summary>.NET runtime.</summary>
    public required string DotnetVersion { get; init; }

    /// <summary>Operating system.</summary>
    public required string Os { get; init; }

    /// <summary>Logical processors.</summary>
    public required int ProcessorCount { get; init; }
}
