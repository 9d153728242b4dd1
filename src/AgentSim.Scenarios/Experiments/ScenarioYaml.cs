using System.Globalization;
using AgentSim.Scenarios.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Experiments;

/// <summary>
/// A scenario's YAML as a node tree that experiments rewrite (a swept value, the guardrail layers of a placement
/// variant) before the text is loaded and validated like any scenario file. Comments are not kept.
/// </summary>
public sealed class ScenarioYaml
{
    private ScenarioYaml(YamlMappingNode root, string fileName)
    {
        Root = root;
        FileName = fileName;
    }

    /// <summary>The top-level mapping.</summary>
    public YamlMappingNode Root { get; }

    /// <summary>The file problems are reported against.</summary>
    public string FileName { get; }

    /// <summary>Parses <paramref name="source"/>'s text; throws <see cref="ScenarioLoadException"/> when it is not a YAML mapping.</summary>
    public static ScenarioYaml Parse(ScenarioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new DepthLimitedParser(new Parser(new StringReader(source.Yaml))));
        }
        catch (YamlException ex)
        {
            throw new ScenarioLoadException([new ScenarioProblem(source.FileName, (int)ex.Start.Line, "scenario", ex.Message)]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScenarioLoadException([new ScenarioProblem(source.FileName, 0, "scenario", "the scenario is not a YAML mapping")]);
        }

        return new ScenarioYaml(root, source.FileName);
    }

    /// <summary>A deep copy, to rewrite without touching this one.</summary>
    public ScenarioYaml Clone() => new((YamlMappingNode)Copy(Root), FileName);

    /// <summary>The YAML text.</summary>
    public string Text()
    {
        var stream = new YamlStream(new YamlDocument(Root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>The scalar at <paramref name="key"/> of <paramref name="mapping"/>, or null.</summary>
    public static string? Scalar(YamlMappingNode mapping, string key)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;
    }

    /// <summary>The sequence at <paramref name="key"/> of the root, or null.</summary>
    public YamlSequenceNode? Sequence(string key) =>
        Root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlSequenceNode : null;

    /// <summary>A deep copy of a node.</summary>
    public static YamlNode Copy(YamlNode node) => node switch
    {
        YamlScalarNode s => new YamlScalarNode(s.Value) { Style = s.Style },
        YamlSequenceNode q => new YamlSequenceNode(q.Children.Select(Copy)) { Style = q.Style },
        YamlMappingNode m => new YamlMappingNode(m.Children.Select(kv => new KeyValuePair<YamlNode, YamlNode>(Copy(kv.Key), Copy(kv.Value)))) { Style = m.Style },
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };
}
