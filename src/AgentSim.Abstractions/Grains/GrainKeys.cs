namespace AgentSim.Abstractions.Grains;

/// <summary>Builds and splits the "{runId}/{part}" keys of a run's grains.</summary>
public static class GrainKeys
{
    /// <summary>Separator between the run id and the rest of a key.</summary>
    public const char Separator = '/';

    /// <summary>Key of a run-scoped grain: "{runId}/{part}".</summary>
    public static string Of(string runId, string part) => runId + Separator + part;

    /// <summary>Key of a conversation of a run: "{runId}/{id}".</summary>
    public static string Conversation(string runId, long id) => Of(runId, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Key of a conversation shard: "{runId}/{index}".</summary>
    public static string Shard(string runId, int index) => Of(runId, index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Splits a key at its first separator into run id and part.</summary>
    public static (string RunId, string Part) Split(string key)
    {
        var i = key.IndexOf(Separator, StringComparison.Ordinal);
        return i <= 0 ? throw new ArgumentException($"Grain key '{key}' is not of the form runId/part.", nameof(key)) : (key[..i], key[(i + 1)..]);
    }

    /// <summary>Throws when a run id is empty or contains the separator.</summary>
    public static void ValidateRunId(string runId)
    {
        if (string.IsNullOrWhiteSpace(runId) || runId.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Run id '{runId}' must be non-empty and must not contain '{Separator}'.", nameof(runId));
        }
    }
}
