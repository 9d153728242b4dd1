namespace AgentSim.Abstractions.Messages;

/// <summary>What to run: the scenario text, an optional seed override, how many conversations and how many shards.</summary>
/// <param name="RunId">Unique run id (no '/'); keys every grain of the run.</param>
/// <param name="ScenarioYaml">The scenario YAML text.</param>
/// <param name="ScenarioFile">File name used in scenario problem reports.</param>
/// <param name="Seed">Seed override; null keeps the scenario's seed.</param>
/// <param name="Conversations">Conversations to start.</param>
/// <param name="Parallelism">Conversation shard grains; results do not depend on it.</param>
/// <param name="ScenarioJson">
/// A scenario built in code rather than read from a file (the gap experiment's enterprises), as the JSON of its
/// validated configuration; when set it is compiled instead of <paramref name="ScenarioYaml"/>, which then only names it.
/// </param>
[GenerateSerializer, Immutable, Alias("AgentSim.RunRequest")]
public sealed record RunRequest(
    [property: Id(0)] string RunId,
    [property: Id(1)] string ScenarioYaml,
    [property: Id(2)] string ScenarioFile,
    [property: Id(3)] ulong? Seed,
    [property: Id(4)] long Conversations,
    [property: Id(5)] int Parallelism,
    [property: Id(6)] string? ScenarioJson = null)
{
    /// <summary>Shard count actually used (at least one).</summary>
    public int Shards => Math.Max(1, Parallelism);

    /// <summary>True when both requests compile to the same world (same text or configuration, file name and seed).</summary>
    public bool SameWorldAs(RunRequest other) =>
        string.Equals(ScenarioYaml, other.ScenarioYaml, StringComparison.Ordinal)
        && string.Equals(ScenarioJson, other.ScenarioJson, StringComparison.Ordinal)
        && string.Equals(ScenarioFile, other.ScenarioFile, StringComparison.Ordinal)
        && Seed == other.Seed;
}
