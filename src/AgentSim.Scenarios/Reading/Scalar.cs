using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads typed scalar values from nodes, reporting wrong types and out-of-range values; null means "reported, keep the default".</summary>
internal static class Scalar
{
    /// <summary>True for an empty or null plain scalar (<c>~</c>, <c>null</c>, nothing).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>A short description of a node's shape, for "expected …, got …" messages.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "nothing (null)",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an alias",
    };

    /// <summary>Reads a string scalar.</summary>
    public static string? Text(ReadContext context, YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar && !IsNull(node))
        {
            return scalar.Value ?? "";
        }

        context.Report(node, path, $"expected a text value, got {Describe(node)}");
        return null;
    }

    /// <summary>Reads a number in a range.</summary>
    public static double? Number(ReadContext context, YamlNode node, string path, NumberRule rule)
    {
        if (node is not YamlScalarNode scalar || IsNull(node)
            || !double.TryParse(scalar.Value?.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            context.Report(node, path, $"expected a number, got {Describe(node)}");
            return null;
        }

        if (!rule.Allows(value))
        {
            context.Report(node, path, $"must be {rule.Text}, got {NumberRule.Format(value)}");
            return null;
        }

        return value;
    }

    /// <summary>Reads a whole number in a range.</summary>
    public static int? Integer(ReadContext context, YamlNode node, string path, NumberRule rule)
    {
        if (node is not YamlScalarNode scalar || IsNull(node)
            || !int.TryParse(scalar.Value?.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            // A whole number too large for the reader still gets the rule's range, not "expected a whole number".
            var tooLarge = node is YamlScalarNode { Value: { } text }
                && long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            context.Report(node, path, tooLarge ? $"must be {rule.Text}, got {((YamlScalarNode)node).Value}" : $"expected a whole number, got {Describe(node)}");
            return null;
        }

        if (!rule.Allows(value))
        {
            context.Report(node, path, $"must be {rule.Text}, got {value}");
            return null;
        }

        return value;
    }

    /// <summary>Reads a non-negative 64-bit whole number (the seed).</summary>
    public static ulong? Unsigned(ReadContext context, YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar && !IsNull(node)
            && ulong.TryParse(scalar.Value?.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        context.Report(node, path, $"expected a whole number from 0 to {ulong.MaxValue}, got {Describe(node)}");
        return null;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool? Flag(ReadContext context, YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar && bool.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        context.Report(node, path, $"expected true or false, got {Describe(node)}");
        return null;
    }

    /// <summary>Reads a wire name of an enum, listing the allowed names when it is unknown.</summary>
    public static T? Name<T>(ReadContext context, YamlNode node, string path, EnumNames<T> names) where T : struct
    {
        if (node is YamlScalarNode scalar && !IsNull(node))
        {
            if (names.Parse(scalar.Value, out var value))
            {
                return value;
            }

            context.Report(node, path, $"unknown {names.What} '{scalar.Value}'; allowed: {names.Known}");
            return null;
        }

        context.Report(node, path, $"expected a {names.What} name ({names.Known}), got {Describe(node)}");
        return null;
    }
}
