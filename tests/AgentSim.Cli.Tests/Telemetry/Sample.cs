namespace AgentSim.Cli.Tests.Telemetry;

/// <summary>One sample line of the Prometheus text exposition format.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, string Value);
