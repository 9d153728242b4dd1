using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Guardrails;
using AgentSim.Scenarios.Experiments;

namespace AgentSim.Scenarios.Tests.Experiments;

/// <summary>The placement variants of a scenario: every guardrail layer moved to the platform, to the application, to both, removed.</summary>
public class PlacementVariantsTests
{
    private static ScenarioConfig Variant(string preset, string placement, out PlacementVariant variant)
    {
        var yaml = ScenarioYaml.Parse(new ScenarioSource(Presets.GetText(preset), preset + ".yaml", "preset:" + preset));
        variant = PlacementVariants.Build(yaml, placement);
        return ScenarioLoader.LoadText(variant.Yaml.Text(), $"{preset}-{placement}.yaml");
    }

    [Fact]
    public void Platform_OfTheBaseline_MovesTheApplicationGroundednessCheckToTheProvider()
    {
        var s = Variant("baseline", "platform", out _);
        Assert.All(s.Guardrails, g => Assert.Equal(Placement.Platform, g.Placement));
        var groundedness = Assert.Single(s.Guardrails, g => g.Kind == GuardrailKind.Groundedness);
        Assert.Equal("omnicx", groundedness.Provider);   // backupcx does not offer groundedness natively
        // The baseline's own platform layers stay as they were.
        Assert.Contains(s.Guardrails, g => g.Name == "platform-pii-input" && g.MissRate == 0.02);
        Assert.Equal("baseline-platform", s.Name);
        Assert.Equal(42UL, s.Seed);
        Assert.Equal(20000, s.Conversations);
    }

    [Fact]
    public void Application_OfTheBaseline_BuildsEveryKindForEveryRoutedChannel()
    {
        var s = Variant("baseline", "application", out var variant);
        Assert.All(s.Guardrails, g => Assert.Equal(Placement.Application, g.Placement));
        Assert.Equal(
            ["audit", "content_safety", "groundedness", "injection", "pii", "pii"],
            s.Guardrails.Select(g => g.Kind.ToString() switch { "ContentSafety" => "content_safety", var k => k.ToLowerInvariant() }).Order(StringComparer.Ordinal));
        Assert.All(s.Guardrails, g => Assert.Equal(ChannelInfo.All.ToList(), g.Channels));
        // Layers that came from the defense-in-depth template know spoken forms; each costs engineering weeks per channel.
        Assert.All(s.Guardrails.Where(g => g.Kind == GuardrailKind.Pii), g => Assert.True(g.SpokenForms));
        Assert.All(s.Guardrails, g => Assert.True(g.EngineeringWeeksPerChannel > 0));
        Assert.Contains(variant.Notes, n => n.StartsWith("groundedness (output): the scenario's application layer, widened", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_HasAPlatformAndAnApplicationLayerOfEveryKind_AndNoneHasNoLayers()
    {
        var both = Variant("baseline", "both", out _);
        foreach (var kind in both.Guardrails.Select(g => g.Kind).Distinct())
        {
            Assert.Contains(both.Guardrails, g => g.Kind == kind && g.Placement == Placement.Platform);
            Assert.Contains(both.Guardrails, g => g.Kind == kind && g.Placement == Placement.Application);
        }

        Assert.Equal(both.Guardrails.Count, both.Guardrails.Select(g => g.Name).Distinct().Count());
        Assert.Empty(Variant("baseline", "none", out _).Guardrails);
    }

    [Fact]
    public void Platform_WhenNoRoutedProviderOffersAKind_LeavesItUncoveredAndSaysSo()
    {
        // application-only: routed providers omnicx (pii, injection, content_safety, groundedness, audit) and backupcx (pii).
        // Take groundedness away from omnicx: the platform variant cannot have it.
        var text = Presets.GetText("application-only").Replace(
            "native_guardrails: [pii, injection, content_safety, groundedness, audit]",
            "native_guardrails: [pii, injection, content_safety, audit]",
            StringComparison.Ordinal);
        Assert.Contains("native_guardrails: [pii, injection, content_safety, audit]", text, StringComparison.Ordinal);
        var variant = PlacementVariants.Build(ScenarioYaml.Parse(new ScenarioSource(text, "x.yaml", "x.yaml")), "platform");
        var s = ScenarioLoader.LoadText(variant.Yaml.Text(), "x-platform.yaml");
        Assert.DoesNotContain(s.Guardrails, g => g.Kind == GuardrailKind.Groundedness);
        Assert.Contains(variant.Notes, n => n.Contains("no routed provider offers it natively", StringComparison.Ordinal) && n.StartsWith("groundedness", StringComparison.Ordinal));
        // PII is offered by both routed providers: one platform layer at each.
        Assert.Equal(["backupcx", "omnicx"], s.Guardrails.Where(g => g.Kind == GuardrailKind.Pii && g.Stage != GuardrailStage.Output).Select(g => g.Provider!).Order(StringComparer.Ordinal));
    }
}
