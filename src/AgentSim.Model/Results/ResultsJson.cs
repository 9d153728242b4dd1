using System.Text.Json;

namespace AgentSim.Model.Results;

/// <summary>Writes and reads results.json: snake_case keys, sorted maps, indented, LF line ends — byte-identical for identical results.</summary>
public static class ResultsJson
{
    /// <summary>The project's JSON conventions for simulated outputs (results, transcripts, gap reports).</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
    };

    /// <summary>Serialises results.</summary>
    public static string Serialize(RunResults results) => JsonSerializer.Serialize(results, Options) + "\n";

    /// <summary>Parses results.json.</summary>
    public static RunResults Deserialize(string json) =>
        JsonSerializer.Deserialize<RunResults>(json, Options) ?? throw new JsonException("results.json is empty.");
}
