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
        ["application-only"] = "68b73fabbed3d4cef214186e7aa56ae1a94c03f57e59fe90d32334719f9f54aa",
        ["baseline"] = "ec6939648dc8b34a51e881bbe501039ada18966a5bdd63e2a5537d167dfb6055",
        ["capacity"] = "86b40c7db3dffdee1e74fcdba8960f5e98338b7e087a31c69b9dc48ae3d9d74f",
        ["defense-in-depth"] = "50d2925a8e56d4d019f0df185c338968332dfccc5106ba18b13c2ae56df8c42b",
        ["no-native-context"] = "dee4ad42aea0cf1813aa48d9fc5d24edae16e43564211fb89932329740238978",
        ["platform-native"] = "00bcab693fe3c447f4b35e8e9d5730c6a0300d94bdc62fe49686bdd1bd0be605",
        ["provider-outage"] = "9a7c7cfda9c05742eada4d18a5dd67823f071b29448acd44a8b9a5a65870d81b",
        ["strict-governance"] = "af880962838933afd685c8b4fba50dbfb98efba7dafdad28108a46a90bbcc445",
    };

    /// <summary>The hashes of the perturbed worlds of <see cref="GoldenWorlds"/>, by index.</summary>
    public static readonly IReadOnlyList<string> ExpectedWorlds =
    [
        "c9d66ae542c791c3b76432825487c242beaad5e280bcc66e50e0c055aae2161a",
        "95fb143189ed94429f4b3d04e07fb25bcdb143cef2ed74f0ace74897de12b2c6",
        "27dc14f393809990893a2558ee6950f69869df85b2f9f38bcac554337cc7d598",
        "e874bbd327478021e4cef0fdbb1d4c322bc43a5ed8639fc518f5b994d5f1ab23",
        "146e0d0dad2e4abe509b0c5bbc1e305932b4bc09a5b2f73cbb2baafc876d6028",
        "d21090040c7cadbbabe87171f95594a2badb370da7614b6127e60157b6c99dd9",
        "7a71da3e2c46ffb56b96682e0f06a2ee58e7ef10b7b672c8a625e730fcc0e362",
        "9b8ea24af46c73333c378b8460189f5594ea7ad45ff97f7efbc2363b071453a7",
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
