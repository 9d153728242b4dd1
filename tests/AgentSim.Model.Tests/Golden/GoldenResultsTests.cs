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
        ["application-only"] = "9af5569dd63ced91dd6599f1f272826c84f6d946b46e1c22dd0903c358d0d446",
        ["baseline"] = "9a7ae96ba031ef2572b66b32b3dc8ba71eb70f6cfd755ed0d040bc1939aeb19a",
        ["capacity"] = "b851705afe6f753a2104f849d9e92b871b7d92102b881fd876144cd4c646c30a",
        ["defense-in-depth"] = "225c1e5f46388886b163f9a4740e87843fdbbbcc16ef45ffd92b2706b267cdfc",
        ["no-native-context"] = "f870eb0b4fe8203b07d635250a4a4aa9da508b8055df580b90f2a0a3757cf941",
        ["platform-native"] = "929830e7b04922c26ff7c94a3ee4daff51f80b36f082d756e604d9101b48f9d5",
        ["provider-outage"] = "9dfc6c6226cd7fd4761d6d9a0f70085cd7b532e1445eb8560e413f7e88ccc3f2",
        ["strict-governance"] = "a9d89211b7488745ee32f40258b1225ad4a0496932e43cee015c269921a5a723",
    };

    /// <summary>The hashes of the perturbed worlds of <see cref="GoldenWorlds"/>, by index.</summary>
    public static readonly IReadOnlyList<string> ExpectedWorlds =
    [
        "7eee34446090fdac159333bdc6202845a324489c313ad4d7c4bb5b013bbe7b97",
        "0a4d2f28de009f5b98614db27b0ed3f949a04641422c89164fe5f83ba9df8a3b",
        "efcba0ee8ab7023f976d377c0c1ad1fb8e14b415cda110b767a8eda1d49cf519",
        "a2227558175f12186a7d3629726cc677de8aacef02357d3b8bb9ea64dba95f81",
        "4f9992247de1ad2ae118cce527b3c00a6001e1b34907fb92289ca360c6d6ae5a",
        "a84eab1754f4a0aa561822b178b4ff4e04057e3c096ea30ecff4d5785c184b04",
        "7f6476832d65cef2a0d2e506791c5ba8f943dddbc2c4f20be80e913297790c95",
        "543d3163670e2f5ef0b3e9b49e081e6a32f141284f04da870bf58a355fe80b8a",
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
