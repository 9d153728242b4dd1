using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads lists and free-keyed mappings (name → value), remembering the line of every item.</summary>
internal static class Nodes
{
    /// <summary>The items of a list with their paths (<c>path[i]</c>); reports a node that is not a list.</summary>
    public static IEnumerable<(YamlNode Node, string Path)> Items(ReadContext context, YamlNode node, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            if (!Scalar.IsNull(node))
            {
                context.Report(node, path, $"expected a list, got {Scalar.Describe(node)}");
            }

            yield break;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            context.Remember(itemPath, sequence.Children[i]);
            yield return (sequence.Children[i], itemPath);
        }
    }

    /// <summary>The entries of a free-keyed mapping with their paths (<c>path.key</c>); reports a node that is not a mapping.</summary>
    public static IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value, string Path)> Entries(ReadContext context, YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            if (!Scalar.IsNull(node))
            {
                context.Report(node, path, $"expected a mapping (name: value), got {Scalar.Describe(node)}");
            }

            yield break;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                context.Report(keyNode, path, "keys must be plain names");
                continue;
            }

            var entryPath = $"{path}.{key}";
            context.Remember(entryPath, keyNode);
            yield return (key, keyNode, value, entryPath);
        }
    }

    /// <summary>A list of wire names, reporting unknown names and duplicates.</summary>
    public static List<T> Names<T>(ReadContext context, YamlNode node, string path, EnumNames<T> names) where T : struct
    {
        var result = new List<T>();
        foreach (var (item, itemPath) in Items(context, node, path))
        {
            if (Scalar.Name(context, item, itemPath, names) is not { } value)
            {
                continue;
            }

            if (result.Contains(value))
            {
                context.Report(item, itemPath, $"{names.What} '{((YamlScalarNode)item).Value}' is listed twice");
                continue;
            }

            result.Add(value);
        }

        return result;
    }

    /// <summary>A list of channel names, or the word <c>all</c> for every channel.</summary>
    public static List<Model.Channels.Channel> Channels(ReadContext context, YamlNode node, string path) =>
        node is YamlScalarNode { Value: "all" }
            ? [.. Model.Channels.ChannelInfo.All]
            : Names(context, node, path, Vocabulary.Channels);

    /// <summary>Non-negative weights keyed by free names (intents, tiers); at least one must be positive.</summary>
    public static Dictionary<string, double>? Weights(ReadContext context, YamlNode node, string path)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, _, value, entryPath) in Entries(context, node, path))
        {
            if (Scalar.Number(context, value, entryPath, NumberRule.NonNegative) is { } weight)
            {
                result[key] = weight;
            }
        }

        return RequirePositive(context, node, path, result) ? result : null;
    }

    /// <summary>Non-negative weights keyed by channel name.</summary>
    public static Dictionary<Model.Channels.Channel, double> ChannelWeights(ReadContext context, YamlNode node, string path)
    {
        var result = new Dictionary<Model.Channels.Channel, double>();
        foreach (var (_, keyNode, value, entryPath) in Entries(context, node, path))
        {
            var channel = Scalar.Name(context, keyNode, entryPath, Vocabulary.Channels);
            if (Scalar.Number(context, value, entryPath, NumberRule.NonNegative) is { } weight && channel is { } c)
            {
                result[c] = weight;
            }
        }

        return result;
    }

    /// <summary>Reports when no weight is positive (an all-zero or empty table cannot be drawn from); silent when entries were already reported.</summary>
    public static bool RequirePositive<TKey>(ReadContext context, YamlNode node, string path, Dictionary<TKey, double> weights)
        where TKey : notnull
    {
        if (weights.Values.Any(w => w > 0))
        {
            return true;
        }

        var entries = node is YamlMappingNode mapping ? mapping.Children.Count : 0;
        if ((node is YamlMappingNode || Scalar.IsNull(node)) && weights.Count == entries)
        {
            context.Report(node, path, "needs at least one entry with a weight greater than 0");
        }

        return false;
    }
}
