using AgentSim.Model;
using AgentSim.Model.Channels;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Experiments;

/// <summary>One scenario rewritten with its guardrail layers placed another way, and what the rewrite had to decide.</summary>
/// <param name="Name">platform, application, both or none.</param>
/// <param name="Description">What the variant is, in a sentence.</param>
/// <param name="Yaml">The rewritten scenario.</param>
/// <param name="Notes">What the rewrite decided that a reader should know (a kind no provider offers, channels widened, a layer taken from a template).</param>
public sealed record PlacementVariant(string Name, string Description, ScenarioYaml Yaml, IReadOnlyList<string> Notes);

/// <summary>
/// The placement variants of a scenario (<c>compare --placements</c>): every guardrail layer moved to the platform, to
/// the application, to both (defense in depth), or removed. A layer's slot is its kind and side (input, output, audit);
/// each slot the scenario has is placed in each variant:
/// <list type="bullet">
/// <item><b>platform</b>: the scenario's own platform layers of the slot; when it has none, one layer at every routed
/// provider that offers the kind natively, set up like the <c>platform-native</c> preset's layer of that slot. A kind no
/// routed provider offers is uncovered, and the variant says so.</item>
/// <item><b>application</b>: the scenario's own application layers of the slot, or else the <c>defense-in-depth</c>
/// preset's application layer of that slot (which knows spoken forms), built by the team for every routed channel.</item>
/// <item><b>both</b>: the layers of both.</item>
/// <item><b>none</b>: no layers at all (audit included, so nothing is detected).</item>
/// </list>
/// Everything else in the scenario (providers, routing, agents, governance, queues, faults, seed) stays as it was.
/// </summary>
public static class PlacementVariants
{
    /// <summary>The variants, in the order they are reported.</summary>
    public static IReadOnlyList<string> Names { get; } = ["platform", "application", "both", "none"];

    private static readonly Lazy<ScenarioYaml> PlatformTemplates = new(() => ScenarioYaml.Parse(new ScenarioSource(Presets.GetText("platform-native"), "preset:platform-native", "preset:platform-native")));
    private static readonly Lazy<ScenarioYaml> ApplicationTemplates = new(() => ScenarioYaml.Parse(new ScenarioSource(Presets.GetText("defense-in-depth"), "preset:defense-in-depth", "preset:defense-in-depth")));

    /// <summary>Builds the variant <paramref name="name"/> (one of <see cref="Names"/>) of <paramref name="scenario"/>.</summary>
    public static PlacementVariant Build(ScenarioYaml scenario, string name)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!Names.Contains(name))
        {
            throw new ArgumentException($"unknown placement variant '{name}'; one of: {string.Join(", ", Names)}", nameof(name));
        }

        var yaml = scenario.Clone();
        var layers = Layers(yaml.Sequence("guardrails"));
        var slots = layers.Select(l => l.Slot).Distinct().ToList();
        if (slots.Count == 0)
        {
            slots = [.. Layers(PlatformTemplates.Value.Sequence("guardrails")).Select(l => l.Slot).Distinct()];
        }

        var providers = RoutedProviders(yaml);
        var channels = RoutedChannels(yaml);
        var notes = new List<string>();
        var result = new List<YamlMappingNode>();
        foreach (var slot in slots)
        {
            if (name is "platform" or "both")
            {
                result.AddRange(Platform(slot, layers, providers, yaml, notes));
            }

            if (name is "application" or "both")
            {
                result.AddRange(Application(slot, layers, channels, notes));
            }
        }

        Unique(result);
        yaml.Root.Children[new YamlScalarNode("guardrails")] = new YamlSequenceNode(result);
        var name0 = ScenarioYaml.Scalar(yaml.Root, "name") ?? "scenario";
        yaml.Root.Children[new YamlScalarNode("name")] = new YamlScalarNode($"{name0}-{name}");
        var description = name switch
        {
            "platform" => "every guardrail layer native to the provider",
            "application" => "every guardrail layer built by the team, for every routed channel",
            "both" => "platform-native and application-built layers of every kind (defense in depth)",
            _ => "no guardrail layers at all (no audit either: nothing is detected)",
        };
        return new PlacementVariant(name, description, yaml, notes.Distinct().ToList());
    }

    private sealed record Layer(YamlMappingNode Node, string Kind, string Placement, string Side, string? Provider)
    {
        public (string Kind, string Side) Slot => (Kind, Side);
    }

    private static List<Layer> Layers(YamlSequenceNode? sequence) =>
        sequence is null
            ? []
            : [.. sequence.Children.OfType<YamlMappingNode>().Select(m => new Layer(
                m,
                ScenarioYaml.Scalar(m, "kind") ?? "",
                ScenarioYaml.Scalar(m, "placement") ?? "",
                SideOf(ScenarioYaml.Scalar(m, "stage")),
                ScenarioYaml.Scalar(m, "provider")))];

    private static string SideOf(string? stage) => stage switch
    {
        "output" => "output",
        "audit" => "audit",
        _ => "input",
    };

    private static IEnumerable<YamlMappingNode> Platform((string Kind, string Side) slot, List<Layer> layers, List<string> providers, ScenarioYaml yaml, List<string> notes)
    {
        var own = layers.Where(l => l.Slot == slot && l.Placement == "platform").ToList();
        if (own.Count > 0)
        {
            return own.Select(l => (YamlMappingNode)ScenarioYaml.Copy(l.Node));
        }

        var offering = providers.Where(p => Offers(yaml, p, slot.Kind)).ToList();
        if (offering.Count == 0)
        {
            notes.Add($"{slot.Kind} ({slot.Side}): no routed provider offers it natively, so the platform variant has no {slot.Kind} layer");
            return [];
        }

        var template = Layers(PlatformTemplates.Value.Sequence("guardrails")).FirstOrDefault(l => l.Slot == slot && l.Placement == "platform")?.Node
            ?? FromApplication(layers.First(l => l.Slot == slot).Node);
        notes.Add($"{slot.Kind} ({slot.Side}): platform layer at {string.Join(", ", offering)}, set up like the platform-native preset's");
        return offering.Select(p =>
        {
            var layer = (YamlMappingNode)ScenarioYaml.Copy(template);
            layer.Children[new YamlScalarNode("name")] = new YamlScalarNode($"platform-{slot.Kind}-{slot.Side}-{p}");
            layer.Children[new YamlScalarNode("provider")] = new YamlScalarNode(p);
            return layer;
        });
    }

    private static IEnumerable<YamlMappingNode> Application((string Kind, string Side) slot, List<Layer> layers, YamlSequenceNode channels, List<string> notes)
    {
        var own = layers.Where(l => l.Slot == slot && l.Placement == "application").Select(l => l.Node).ToList();
        if (own.Count == 0)
        {
            var template = Layers(ApplicationTemplates.Value.Sequence("guardrails")).FirstOrDefault(l => l.Slot == slot && l.Placement == "application")?.Node
                ?? ToApplication(layers.First(l => l.Slot == slot).Node);
            own = [template];
            notes.Add($"{slot.Kind} ({slot.Side}): application layer set up like the defense-in-depth preset's, built for every routed channel");
        }
        else
        {
            notes.Add($"{slot.Kind} ({slot.Side}): the scenario's application layer, widened to every routed channel");
        }

        return own.Select(node =>
        {
            var layer = (YamlMappingNode)ScenarioYaml.Copy(node);
            layer.Children[new YamlScalarNode("name")] = new YamlScalarNode($"app-{slot.Kind}-{slot.Side}");
            layer.Children[new YamlScalarNode("channels")] = ScenarioYaml.Copy(channels);
            return layer;
        });
    }

    // A platform layer made from the scenario's application one: no channels and nothing only the team's build has.
    private static YamlMappingNode FromApplication(YamlMappingNode app)
    {
        var layer = (YamlMappingNode)ScenarioYaml.Copy(app);
        layer.Children[new YamlScalarNode("placement")] = new YamlScalarNode("platform");
        foreach (var key in new[] { "channels", "spoken_forms", "fail_mode", "error_rate", "engineering_weeks_per_channel" })
        {
            layer.Children.Remove(new YamlScalarNode(key));
        }

        return layer;
    }

    // An application layer made from the scenario's platform one: no provider; the transport stage becomes input.
    private static YamlMappingNode ToApplication(YamlMappingNode platform)
    {
        var layer = (YamlMappingNode)ScenarioYaml.Copy(platform);
        layer.Children[new YamlScalarNode("placement")] = new YamlScalarNode("application");
        layer.Children.Remove(new YamlScalarNode("provider"));
        if (ScenarioYaml.Scalar(layer, "stage") == "transport")
        {
            layer.Children[new YamlScalarNode("stage")] = new YamlScalarNode("input");
        }

        return layer;
    }

    private static bool Offers(ScenarioYaml yaml, string provider, string kind) =>
        yaml.Sequence("providers")?.Children.OfType<YamlMappingNode>()
            .Where(p => ScenarioYaml.Scalar(p, "name") == provider)
            .Any(p => p.Children.TryGetValue(new YamlScalarNode("native_guardrails"), out var n) && n is YamlSequenceNode list
                      && list.Children.OfType<YamlScalarNode>().Any(s => s.Value == kind)) ?? false;

    // Providers that carry traffic: primaries and failovers in routing, in the order the providers are listed.
    private static List<string> RoutedProviders(ScenarioYaml yaml)
    {
        var routed = new HashSet<string>(StringComparer.Ordinal);
        if (yaml.Root.Children.TryGetValue(new YamlScalarNode("routing"), out var node) && node is YamlMappingNode routing)
        {
            foreach (var route in routing.Children.Values.OfType<YamlMappingNode>())
            {
                foreach (var key in new[] { "primary", "failover" })
                {
                    if (ScenarioYaml.Scalar(route, key) is { } p)
                    {
                        routed.Add(p);
                    }
                }
            }
        }

        return [.. (yaml.Sequence("providers")?.Children.OfType<YamlMappingNode>() ?? []).Select(p => ScenarioYaml.Scalar(p, "name")).OfType<string>().Where(routed.Contains)];
    }

    private static YamlSequenceNode RoutedChannels(ScenarioYaml yaml)
    {
        var routed = yaml.Root.Children.TryGetValue(new YamlScalarNode("routing"), out var node) && node is YamlMappingNode routing
            ? routing.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).ToHashSet(StringComparer.Ordinal)
            : [];
        return new YamlSequenceNode(ChannelInfo.All.Select(c => c.Name()).Where(c => routed.Contains(c)).Select(c => new YamlScalarNode(c))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
    }

    private static void Unique(List<YamlMappingNode> layers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            var name = ScenarioYaml.Scalar(layer, "name") ?? "layer";
            var unique = name;
            for (var i = 2; !seen.Add(unique); i++)
            {
                unique = $"{name}-{i}";
            }

            layer.Children[new YamlScalarNode("name")] = new YamlScalarNode(unique);
        }
    }
}
