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
        ["application-only"] = "1866334708e10fa30a7994eb67c0148e2da5afa585a12f9f9c6d13cb13a3024e",
        ["baseline"] = "3affc40fff53fe7d60cd36041f9765cee21b3388f6597d49a1e521b72050401c",
        ["defense-in-depth"] = "00bfa44beeeccce6bb0a343576f1883504af445b190620035d2a492044e91664",
        ["no-native-context"] = "8ee3f928d1ba41e9739b655e87f4d80c33ad69844a85c6031a1a0bc2080aca79",
        ["platform-native"] = "c0f680f7db33500f7a1986b954cdc507f58339fe0ef4eac97b6d4df093cf6ef1",
        ["provider-outage"] = "fcd3f90b70135fe9381063acf4267761bf4c1f4d5012a61f755476647e4871c8",
        ["strict-governance"] = "4bf0e93a7560ee9f5f3f889cfa57a5d359295938ee85e0ac61ada0b9c0fe6d46",
    };

    /// <summary>The hashes of the perturbed worlds of <see cref="GoldenWorlds"/>, by index.</summary>
    public static readonly IReadOnlyList<string> ExpectedWorlds =
    [
        "ef6f8669cf653def0935b414cb08318331bddbdb7a65d631f134484b217459f7",
        "15aa47b9a0142f4e6cc434cccabcbba6af99df096445d5b83f747d99d39f4560",
        "e27683b49c04476efdcc6d0df9ad397bbf60757f8dd2505097992e37b9737dac",
        "62342d5b8bcf0708f523faa7ab7d94b30053e7fd9ca17951d737614226617950",
        "8aec25d0475dcbf25136d3e60d0da79cfc064d68c0eb5624950e9f0db686d440",
        "a3310d5c77aa52da0b9c76fc6e622aebb351b75fb06bd43b5bbbc5a60e2cb69d",
        "3391c1fe68014bb6251edcd2ebde3eadb37489d3174186e68592d4479b84b6f1",
        "795ca2f592e99a9c59a6e78f9122f08534a1d0507747bf2945de6d98f263e43d",
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
