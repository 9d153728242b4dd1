using System.Security.Cryptography;
using System.Text;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Golden;

/// <summary>
/// The SHA-256 of results.json for every preset at a fixed seed and size. Refactoring must keep these hashes; a change
/// that alters results on purpose regenerates them in a commit of its own that says why
/// (<c>AGENTSIM_PRINT_GOLDEN=1 dotnet test --project tests/AgentSim.Model.Tests -- --filter-class *GoldenResultsTests</c>
/// prints the new table).
/// </summary>
public class GoldenResultsTests
{
    /// <summary>Seed every golden run uses, whatever the preset's own seed.</summary>
    public const ulong Seed = 20261125;

    /// <summary>Conversations per golden run: enough to reach rollbacks, faults and failover in every preset.</summary>
    public const long Conversations = 8_000;

    /// <summary>The hashes, one per preset.</summary>
    public static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>
    {
        ["application-only"] = "a5d47a12de50f3cc2f644505fc005d7077e1f5205b8384d5c506b4da88703c6d",
        ["baseline"] = "00ec8bf6d88ee07c0dd53ee016836517fcea607b40f869b5c2ce7b6b4d98e4bd",
        ["capacity"] = "a8aaa978ce3ac106919de4701b032b4a0df7febb165a8c9176da59f7d284d7ce",
        ["defense-in-depth"] = "c61f2afb387b81d874bec01a76e197ea4c9069ba4030048ec464a434043f43d1",
        ["no-native-context"] = "c7bdfda4f187f40e44f328e537c02f4289e07f879d9754c56235aa3e6c0bc405",
        ["platform-native"] = "b02704cb801fd0a9330210001cdca696c355b4d92999d502434defb29609e889",
        ["provider-outage"] = "047825871524f4c0e71a4cb8dbe5af18585268375bb16fd93bd57f98e8560d4b",
        ["strict-governance"] = "6206ef6bab7346e9056ee59a1eabab71c8ac5a3f89606ff4cbcf0f85b205989e",
    };

    /// <summary>The hashes of the perturbed worlds of <see cref="GoldenWorlds"/>, by index.</summary>
    public static readonly IReadOnlyList<string> ExpectedWorlds =
    [
        "483df1f308214c4bf9fb10d8e353dba0c3c0744b11e50ac79b65c0b967ca819c",
        "9441642cd06b015b89ac80e3f5975e2d3dc03cb24c33560ce06aa2d2d19f1228",
        "15b7ae290c9d05f7fef30771e09e1e5a2c1403a89e01e41f1def01515ca09636",
        "88c51f86ac32bea75c84709a8aeb90e856ef0b5be93419ef3a6c69ee1d46015c",
        "4e8f1d18aef4f76e9c85ed61ecf4d1d92ac5bd4191cb332434b31a8a9642ff56",
        "7b8cce51c46a06958956f42e2506b22c9fd4efeed4639151823cf9f20de8987f",
        "f05a63aac50d21aef0a4a0d40d1b526b71fa254dad63dbd62ffc89e51d7afec8",
        "393e397287e6e2da576a6a0e2fefcebcd0e6acb598cd9daef4321d927a5db216",
    ];

    public static TheoryData<string> PresetNames => new(Presets.Names);

    public static TheoryData<int> WorldIndexes => new(Enumerable.Range(0, GoldenWorlds.Count));

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void ResultsJson_EveryPreset_MatchesGoldenHash(string preset)
    {
        var actual = Hash(preset);
        if (Environment.GetEnvironmentVariable("AGENTSIM_PRINT_GOLDEN") == "1")
        {
            TestContext.Current.SendDiagnosticMessage($"[\"{preset}\"] = \"{actual}\",");
            Console.WriteLine($"        [\"{preset}\"] = \"{actual}\",");
        }

        Assert.True(Expected.ContainsKey(preset), $"preset '{preset}' has no golden hash; add [\"{preset}\"] = \"{actual}\"");
        Assert.Equal(Expected[preset], actual);
    }

    [Theory]
    [MemberData(nameof(WorldIndexes))]
    public void ResultsJson_PerturbedWorldWithEveryKindAndFault_MatchesGoldenHash(int index)
    {
        var actual = HashOf(GoldenWorlds.Build(index), 3_000);
        if (Environment.GetEnvironmentVariable("AGENTSIM_PRINT_GOLDEN") == "1")
        {
            Console.WriteLine($"        /* {index} */ \"{actual}\",");
        }

        Assert.True(index < ExpectedWorlds.Count, $"world {index} has no golden hash; add \"{actual}\"");
        Assert.Equal(ExpectedWorlds[index], actual);
    }

    [Fact]
    public void Expected_CoversEveryPreset() =>
        Assert.Equal(Presets.Names.Order(StringComparer.Ordinal), Expected.Keys.Order(StringComparer.Ordinal));

    /// <summary>Runs a preset with the golden seed and size and hashes its results.json.</summary>
    public static string Hash(string preset)
    {
        var cfg = Presets.Load(preset);
        cfg.Seed = Seed;
        return HashOf(cfg, Conversations);
    }

    private static string HashOf(AgentSim.Model.Configuration.ScenarioConfig cfg, long conversations)
    {
        var world = World.Compile(cfg);
        var json = ResultsJson.Serialize(ResultsBuilder.Build(world, PlainLoopEngine.Run(world, new RunOptions(conversations, 2))));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
