using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Experiments;

/// <summary>
/// A path to one value of a scenario, as a sweep names it: keys separated by dots; in a list, an item is picked by its
/// <c>name</c> (<c>providers.omnicx.error_rate</c>), by its position from 0 (<c>providers.0.error_rate</c>) or all items
/// with <c>*</c> (<c>agents.*.governance.incident_budget</c>). The last key is created when missing, as are mappings on
/// the way (<c>providers.omnicx.availability.mtbf_hours</c> on a provider without an availability block).
/// </summary>
public sealed class ScenarioPath
{
    private readonly string[] _segments;

    private ScenarioPath(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>Parses a path; null with a reason when it is malformed.</summary>
    public static ScenarioPath? TryParse(string text, out string? problem)
    {
        problem = null;
        var segments = (text ?? "").Split('.');
        if (string.IsNullOrWhiteSpace(text) || segments.Any(s => s.Length == 0 || s.Any(char.IsWhiteSpace)))
        {
            problem = $"'{text}' is not a scenario path: keys separated by dots, e.g. providers.omnicx.error_rate";
            return null;
        }

        return new ScenarioPath(text!, segments);
    }

    /// <summary>
    /// Sets the value at this path in <paramref name="yaml"/> to <paramref name="value"/>; returns a problem (naming the
    /// segment that is wrong and what exists there) or null.
    /// </summary>
    public string? Set(ScenarioYaml yaml, string value)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return Set(yaml.Root, 0, value, "");
    }

    private string? Set(YamlNode node, int index, string value, string at)
    {
        var segment = _segments[index];
        var last = index == _segments.Length - 1;
        var here = at.Length == 0 ? segment : at + "." + segment;
        switch (node)
        {
            case YamlMappingNode mapping:
                var key = new YamlScalarNode(segment);
                if (last)
                {
                    if (mapping.Children.TryGetValue(key, out var existing) && existing is not YamlScalarNode)
                    {
                        return $"{Text}: '{here}' is a {existing.NodeType.ToString().ToLowerInvariant()}, not a single value";
                    }

                    mapping.Children[key] = new YamlScalarNode(value);
                    return null;
                }

                if (!mapping.Children.TryGetValue(key, out var child))
                {
                    child = new YamlMappingNode();
                    mapping.Children[key] = child;
                }

                return Set(child, index + 1, value, here);

            case YamlSequenceNode sequence:
                var items = Pick(sequence, segment);
                if (items.Count == 0)
                {
                    var names = sequence.Children.OfType<YamlMappingNode>().Select(m => ScenarioYaml.Scalar(m, "name")).Where(n => n is not null);
                    return $"{Text}: no item '{segment}' in '{at}' (items: {string.Join(", ", names.DefaultIfEmpty("none"))}; or a position from 0, or *)";
                }

                if (last)
                {
                    return $"{Text}: '{here}' is a list item, not a single value";
                }

                foreach (var item in items)
                {
                    if (Set(item, index + 1, value, here) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;

            default:
                return $"{Text}: '{at}' is a single value; it has no '{segment}'";
        }
    }

    private static List<YamlNode> Pick(YamlSequenceNode sequence, string segment)
    {
        if (segment == "*")
        {
            return [.. sequence.Children];
        }

        var byName = sequence.Children.OfType<YamlMappingNode>().Where(m => ScenarioYaml.Scalar(m, "name") == segment).Cast<YamlNode>().ToList();
        if (byName.Count > 0)
        {
            return byName;
        }

        var position = segment.Trim('[', ']');
        return int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sequence.Children.Count ? [sequence.Children[i]] : [];
    }
}
