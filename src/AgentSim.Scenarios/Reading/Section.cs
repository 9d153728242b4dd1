using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>A mapping with a fixed set of allowed keys: reports unknown keys (naming the allowed ones) and reads typed values into setters.</summary>
internal sealed class Section
{
    private static readonly Dictionary<string, string> NoRemovedKeys = [];

    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    private Section(ReadContext context, string path, int line, bool isMapping)
    {
        Context = context;
        Path = path;
        Line = line;
        IsMapping = isMapping;
    }

    /// <summary>The load this section belongs to.</summary>
    public ReadContext Context { get; }

    /// <summary>Dotted path of the mapping itself ("" for the document root).</summary>
    public string Path { get; }

    /// <summary>Line the mapping starts on.</summary>
    public int Line { get; }

    /// <summary>False when the node was not a mapping (already reported); every read is then a no-op.</summary>
    public bool IsMapping { get; }

    /// <summary>Opens a node as a mapping with the given allowed keys, reporting a non-mapping node and every unknown key.</summary>
    public static Section Open(ReadContext context, YamlNode node, string path, IReadOnlyList<string> allowed) =>
        Open(context, node, path, allowed, NoRemovedKeys);

    /// <summary>Opens a node as a mapping like <see cref="Open(ReadContext, YamlNode, string, IReadOnlyList{string})"/>, reporting each removed key with what replaced it.</summary>
    public static Section Open(
        ReadContext context, YamlNode node, string path, IReadOnlyList<string> allowed, IReadOnlyDictionary<string, string> removed)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Report(node, path.Length == 0 ? "document" : path, $"expected a mapping (key: value lines), got {Scalar.Describe(node)}");
            return new Section(context, path, ReadContext.LineOf(node), false);
        }

        var section = new Section(context, path, ReadContext.LineOf(node), true);
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                context.Report(keyNode, path.Length == 0 ? "document" : path, "keys must be plain names");
                continue;
            }

            var keyPath = section.PathOf(key);
            if (removed.TryGetValue(key, out var replacement))
            {
                context.Report(keyNode, keyPath, $"removed; {replacement}");
                continue;
            }

            if (!allowed.Contains(key))
            {
                context.Report(keyNode, keyPath, $"unknown key '{key}'; allowed keys: {string.Join(", ", allowed)}");
                continue;
            }

            context.Remember(keyPath, keyNode);
            section._values[key] = value;
        }

        return section;
    }

    /// <summary>The dotted path of a key in this mapping.</summary>
    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>True when the key is present.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The value node of a key, or null when absent.</summary>
    public YamlNode? Get(string key) => _values.GetValueOrDefault(key);

    /// <summary>Reports a required key that is absent (at the mapping's line).</summary>
    public bool Require(string key, string? hint = null)
    {
        if (!IsMapping || Has(key))
        {
            return true;
        }

        Context.Report(Line, PathOf(key), hint is null ? "required key is missing" : $"required key is missing; {hint}");
        return false;
    }

    /// <summary>Calls <paramref name="read"/> with the value node and its path when the key is present.</summary>
    public void With(string key, Action<YamlNode, string> read)
    {
        if (Get(key) is { } node)
        {
            read(node, PathOf(key));
        }
    }

    /// <summary>Reads a number in a range.</summary>
    public void Number(string key, NumberRule rule, Action<double> set) =>
        With(key, (node, path) => Apply(Scalar.Number(Context, node, path, rule), set));

    /// <summary>Reads a probability (0..1).</summary>
    public void Probability(string key, Action<double> set) => Number(key, NumberRule.Probability, set);

    /// <summary>Reads a whole number in a range.</summary>
    public void Integer(string key, NumberRule rule, Action<int> set) =>
        With(key, (node, path) => Apply(Scalar.Integer(Context, node, path, rule), set));

    /// <summary>Reads true/false.</summary>
    public void Flag(string key, Action<bool> set) =>
        With(key, (node, path) => Apply(Scalar.Flag(Context, node, path), set));

    /// <summary>Reads a text value.</summary>
    public void Text(string key, Action<string> set) =>
        With(key, (node, path) =>
        {
            if (Scalar.Text(Context, node, path) is { } text)
            {
                set(text);
            }
        });

    /// <summary>Reads an optional reference name: null/empty clears it.</summary>
    public void OptionalText(string key, Action<string?> set) =>
        With(key, (node, path) =>
        {
            if (Scalar.IsNull(node))
            {
                set(null);
            }
            else if (Scalar.Text(Context, node, path) is { } text)
            {
                set(text);
            }
        });

    /// <summary>Reads a wire name of an enum.</summary>
    public void Name<T>(string key, EnumNames<T> names, Action<T> set) where T : struct =>
        With(key, (node, path) => Apply(Scalar.Name(Context, node, path, names), set));

    private static void Apply<T>(T? value, Action<T> set) where T : struct
    {
        if (value is { } v)
        {
            set(v);
        }
    }
}
