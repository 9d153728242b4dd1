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
        ["application-only"] = "6751bcecc4510a66960212f927f39abe55e10dc3be0a7a296a6a4524a7f02724",
        ["baseline"] = "c5d722cf073d444a745bff113d2545018ba1e5d1dd37a11bb69fc70c21aa6fc4",
        ["capacity"] = "58512edab5c38d4f414d675d918eba60f22f2ae5f41ec75b2775f2ab0a3e9c11",
        ["defense-in-depth"] = "9b0abfc96166324de944863810c58eb50d4ad6df911d430ec8fc67639432063f",
        ["no-native-context"] = "1d74842cc6648579e15baacd61451065d3896b0aa83be1fd1f9ccfdf20b9cb32",
        ["platform-native"] = "2932f01a6bd7e85923a7533c64657dfe14d2bba4b7fb52b9ccb738ab01781084",
        ["provider-outage"] = "06ddad5db1b5dcdaafc7e8cf03eb67dd9b3e5a7ea7abeef17f82f9c4c114a519",
        ["strict-governance"] = "cf9cf76c97342338c665b8f1475cf340d0a4905ba344e1cac9092c2819e0f6fb",
    };

    /// <summary>The hashes of the perturbed worlds of <see cref="GoldenWorlds"/>, by index.</summary>
    public static readonly IReadOnlyList<string> ExpectedWorlds =
    [
        "0ea26e4759aeaad3edc1ca2f7850fc90eb5ce86a1cf1ad93a4756b0a3caf4ec8",
        "dd10ff9d087efb8ece926bff12fc531bdd71d7837a885ab181f11ecd0aa63af6",
        "eceae31ff9eda145b328347751bb4640d6fc70db1e2699547a4b291094efd67d",
        "4046a80f4901564c0a3aa6fcf2a237e329aee885eb41e843b18128275e8e5831",
        "2427b9e627d89dc64cf10030423aa2c41805fca40bb3fcc149a50b14251a3d3d",
        "609d96e4cc6b74510786c59343371baadf5acded784423253605f89233e5cfad",
        "7414c3fe23484a3a9dba0a4655b5f22ea4bfffcd730c6df5a18ece3c1f711667",
        "530d9e612366f4692ee693b8a034a9beefaab8aa3599f047afe48bc713c9ba7e",
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
