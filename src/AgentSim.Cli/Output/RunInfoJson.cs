using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgentSim.Cli.Output;

/// <summary>Writes run-info.json: snake_case keys, indented, LF line ends.</summary>
public static class RunInfoJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises run info.</summary>
    public static string Serialize(RunInfo info) => JsonSerializer.Serialize(info, Options) + "\n";
}
