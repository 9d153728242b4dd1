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
        ["no-native-context"] = "9eb46221c06640fd5000a50af7d300e6c08779b56f05743c78791c926257d67d",
        ["platform-native"] = "c0f680f7db33500f7a1986b954cdc507f58339fe0ef4eac97b6d4df093cf6ef1",
        ["provider-outage"] = "ee8b98ddd363d5237aaf1b2ec9c849c6d07cfddb0c7b90af79bdb39afed10990",
        ["strict-governance"] = "1b615143c0e2460033f4488f46e08540a32a2c1d00d59a484974327fa2902076",
    };

    /// <summary>The hashes of the perturbed worlds of <see cref="GoldenWorlds"/>, by index.</summary>
    public static readonly IReadOnlyList<string> ExpectedWorlds =
    [
        "b68bed2463fab8d4c136b877851002d67e6f1e8b39345c2c88ecefd385b83215",
        "8ac3ce1f52bbd7ea8dc7690d25015e9a452a2b99219665061b1126430cfcd8c3",
        "eedb15fdb5b168778a30dce334a8d8d4b94dc1696fe8998deca45e0a2c9e67d7",
        "cf3d9ff4ed3387f0f74b3c7d1c72b6a9d3489e492bd1ff6616bea01fd2e054f3",
        "e7d2fa960d227a376878f470ee5247c342004c66730ce2054b212b81025a560f",
        "257edf102433852ba5b536973804eac61cb245620eafd5ecb9cf426f2e1cfe81",
        "2c915049ac8e8978793d1deef1e33a7162d146ef051121418e3cc1e712183591",
        "5199b7e8108a848eca473f29a4b4963087ec11b16e9e0b79de9d9e1b24668e33",
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
