using AgentSim.Model.Faults;
using AgentSim.Model.Channels;
using AgentSim.Model.Guardrails;

namespace AgentSim.Scenarios.Tests;

public sealed class PresetTests
{
    private static readonly string[] Expected =
    [
        "application-only", "baseline", "capacity", "defense-in-depth", "no-native-context", "platform-native", "provider-outage", "strict-governance",
    ];

    public static TheoryData<string> PresetNames => [.. Expected];

    [Fact]
    public void Names_Always_ListsThePresetsSorted()
    {
        Assert.Equal(Expected, Presets.Names);
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Load_EveryPreset_LoadsWithoutProblems(string name)
    {
        var problems = ScenarioLoader.ValidateText(Presets.GetText(name), name + ".yaml");

        Assert.Empty(problems);
        var config = Presets.Load(name);
        Assert.Equal(name, config.Name);
        Assert.Equal(42UL, config.Seed);
        Assert.Equal(name == "capacity" ? 6_000 : 20_000, config.Conversations);
        Assert.Equal(6, config.Channels.Mix.Count);
        Assert.Equal(2, config.Agents.Count);
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void GetText_EveryPreset_OpensWithACommentSayingWhatToCompareWith(string name)
    {
        var text = Presets.GetText(name);

        Assert.StartsWith("# " + name, text, StringComparison.Ordinal);
        var header = string.Concat(text.Split('\n').TakeWhile(l => l.StartsWith('#')));
        Assert.Contains("Demonstrates", header, StringComparison.Ordinal);
        Assert.Contains("ompare", header, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void GetText_EveryPreset_MatchesTheFileInTheRepository(string name)
    {
        var file = Path.Combine(RepositoryRoot(), "scenarios", name + ".yaml");

        Assert.Equal(File.ReadAllText(file), Presets.GetText(name));
    }

    [Fact]
    public void Load_ApplicationOnly_LeavesVoiceAndSmsUncoveredWithoutSpokenForms()
    {
        var config = Presets.Load("application-only");

        Assert.All(config.Guardrails, g => Assert.Equal(Placement.Application, g.Placement));
        Assert.All(config.Guardrails, g => Assert.DoesNotContain(Channel.Voice, g.Channels));
        Assert.All(config.Guardrails, g => Assert.DoesNotContain(Channel.Sms, g.Channels));
        Assert.All(config.Guardrails.Where(g => g.Kind == GuardrailKind.Pii), g => Assert.False(g.SpokenForms));
    }

    [Fact]
    public void Load_PlatformNative_HasOnlyPlatformLayersWithSpokenForms()
    {
        var config = Presets.Load("platform-native");

        Assert.All(config.Guardrails, g => Assert.Equal(Placement.Platform, g.Placement));
        Assert.All(config.Guardrails.Where(g => g.Kind == GuardrailKind.Pii), g => Assert.True(g.SpokenForms));
        var omnicx = config.Providers.Single(p => p.Name == "omnicx");
        Assert.All(omnicx.NativeGuardrails, kind => Assert.Contains(config.Guardrails, g => g.Provider == "omnicx" && g.Kind == kind));
    }

    [Fact]
    public void Load_DefenseInDepth_HasBothPlacementsOfEachKind()
    {
        var config = Presets.Load("defense-in-depth");

        foreach (var kind in new[] { GuardrailKind.Pii, GuardrailKind.Injection, GuardrailKind.ContentSafety, GuardrailKind.Groundedness, GuardrailKind.Audit })
        {
            Assert.Contains(config.Guardrails, g => g.Kind == kind && g.Placement == Placement.Platform);
            Assert.Contains(config.Guardrails, g => g.Kind == kind && g.Placement == Placement.Application);
        }
    }

    [Fact]
    public void Load_NoNativeContext_SplitsChannelsWithoutContextAndSwitchesOften()
    {
        var config = Presets.Load("no-native-context");

        Assert.Equal(2, config.Providers.Count);
        Assert.All(config.Providers, p => Assert.False(p.NativeContext));
        Assert.Null(config.Context.Store);
        Assert.True(config.Channels.SwitchProbability >= 0.3);
        Assert.Equal("voiceco", config.Routing[Channel.Voice].Primary);
    }

    [Fact]
    public void Load_StrictGovernance_IsTighterThanBaselineAndAuditsMore()
    {
        var strict = Presets.Load("strict-governance");
        var baseline = Presets.Load("baseline");

        Assert.All(strict.Agents, a => Assert.True(a.Governance.IncidentBudget < baseline.Agents[0].Governance.IncidentBudget));
        Assert.True(strict.Guardrails.Count(g => g.Kind == GuardrailKind.Audit) > baseline.Guardrails.Count(g => g.Kind == GuardrailKind.Audit));
    }

    [Fact]
    public void Load_ProviderOutage_ScriptsAnOutageOfOmnicxWithoutFailover()
    {
        var config = Presets.Load("provider-outage");

        var fault = Assert.Single(config.Faults);
        Assert.Equal(FaultKind.ProviderOutage, fault.Kind);
        Assert.Equal("omnicx", fault.Provider);
        Assert.Equal(20, fault.StartMinutes);
        Assert.Equal(30, fault.DurationMinutes);
        Assert.All(config.Routing.Values, r => Assert.Null(r.Failover));
        Assert.All(config.Agents, a => Assert.True(a.Governance.FailureBudget > 0));
    }

    [Fact]
    public void Resolve_PresetName_LoadsThePreset()
    {
        Assert.Equal("baseline", Presets.Resolve("baseline").Name);
        Assert.Equal("baseline", Presets.Resolve("baseline.yaml").Name);
    }

    [Fact]
    public void Resolve_ExistingFile_WinsOverThePresetOfThatName()
    {
        using var dir = new TempScenarioDirectory();
        var path = dir.Write("baseline", Yaml.Minimal);

        Assert.Equal("tiny", Presets.Resolve(path).Name);
    }

    [Fact]
    public void Resolve_UnknownName_ThrowsOneProblemListingThePresets()
    {
        var ex = Assert.Throws<ScenarioLoadException>(() => Presets.Resolve("no-such-thing"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("no-such-thing", problem.File);
        Assert.Equal(0, problem.Line);
        Assert.Equal("scenario", problem.Field);
        Assert.All(Expected, name => Assert.Contains(name, problem.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void GetText_UnknownName_ThrowsListingThePresets()
    {
        var ex = Assert.Throws<ScenarioLoadException>(() => Presets.GetText("nope"));

        Assert.Contains("baseline", Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentSim.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AgentSim.sln not found above the test binaries.");
    }
}
