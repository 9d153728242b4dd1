using System.Globalization;
using System.Text;
using AgentSim.Model.Experiments;
using AgentSim.Scenarios.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios;

/// <summary>
/// Reads and writes the gap experiment's assumptions file (YAML, or JSON, which YAML reads too). Keys a file leaves out
/// keep their defaults; an unknown key, a value out of range or a malformed file is a <see cref="ScenarioProblem"/>
/// naming the file, the line and the key.
/// </summary>
public static class GapAssumptionsFile
{
    /// <summary>Loads a file; throws <see cref="ScenarioLoadException"/> with every problem found.</summary>
    public static GapAssumptions Load(string path) => Parse(ScenarioLoader.ReadText(path), path);

    /// <summary>Parses the text of an assumptions file; <paramref name="file"/> names it in problems.</summary>
    public static GapAssumptions Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<ScenarioProblem>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var a = new GapAssumptions();
        var stream = new YamlStream();
        try
        {
            stream.Load(new DepthLimitedParser(new Parser(new StringReader(text))));
        }
        catch (YamlException ex)
        {
            throw new ScenarioLoadException([new ScenarioProblem(file, checked((int)ex.Start.Line), "syntax", $"invalid YAML or JSON at column {ex.Start.Column}: {ex.Message}")]);
        }
        catch (InvalidOperationException)
        {
            throw new ScenarioLoadException([new ScenarioProblem(file, 1, "syntax", "invalid YAML or JSON: the parser could not continue (an unclosed [ or {, or a stray quote?)")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return a;
        }

        a = Read(stream.Documents[0].RootNode, "", a, file, problems, lines);
        if (problems.Count == 0)
        {
            foreach (var (key, message) in a.Problems())
            {
                var line = lines.TryGetValue(key, out var l) ? l : lines.Where(kv => kv.Key.StartsWith(key, StringComparison.Ordinal)).Select(kv => kv.Value).DefaultIfEmpty(1).Min();
                problems.Add(new ScenarioProblem(file, line, key, message));
            }
        }

        return problems.Count > 0 ? throw new ScenarioLoadException(problems) : a;
    }

    private static GapAssumptions Read(YamlNode node, string path, GapAssumptions a, string file, List<ScenarioProblem> problems, Dictionary<string, int> lines)
    {
        var line = checked((int)node.Start.Line);
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(new ScenarioProblem(file, line, path.Length == 0 ? "document" : path, "expected a mapping of keys to values"));
            return a;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } k } ? k : "";
            var full = path.Length == 0 ? key : $"{path}.{key}";
            var keyLine = checked((int)keyNode.Start.Line);
            lines[full] = keyLine;
            if (full == GapAssumptionKeys.SensitivityPath)
            {
                a = ReadHorizons(value, full, a, file, problems);
            }
            else if (GapAssumptionKeys.All.FirstOrDefault(x => x.Path == full) is { } known)
            {
                a = ReadNumber(value, known, a, file, problems);
            }
            else if (GapAssumptionKeys.All.Any(x => x.Path.StartsWith(full + ".", StringComparison.Ordinal)) || GapAssumptionKeys.SensitivityPath.StartsWith(full + ".", StringComparison.Ordinal))
            {
                a = Read(value, full, a, file, problems, lines);
            }
            else
            {
                var siblings = GapAssumptionKeys.All.Select(x => x.Path).Append(GapAssumptionKeys.SensitivityPath)
                    .Where(p => p.StartsWith(path.Length == 0 ? "" : path + ".", StringComparison.Ordinal))
                    .Select(p => p[(path.Length == 0 ? 0 : path.Length + 1)..].Split('.')[0]).Distinct();
                problems.Add(new ScenarioProblem(file, keyLine, full, $"unknown key; expected one of: {string.Join(", ", siblings)}"));
            }
        }

        return a;
    }

    private static GapAssumptions ReadNumber(YamlNode value, GapAssumptionKey key, GapAssumptions a, string file, List<ScenarioProblem> problems)
    {
        var line = checked((int)value.Start.Line);
        if (value is not YamlScalarNode { Value: { } text } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            problems.Add(new ScenarioProblem(file, line, key.Path, $"expected a number from {F(key.Min)} to {F(key.Max)}, got {Describe(value)}"));
            return a;
        }

        if (key.Integer && v != Math.Floor(v))
        {
            problems.Add(new ScenarioProblem(file, line, key.Path, $"expected a whole number, got {text}"));
            return a;
        }

        if (v < key.Min || v > key.Max)
        {
            problems.Add(new ScenarioProblem(file, line, key.Path, $"must be from {F(key.Min)} to {F(key.Max)}, got {text}"));
            return a;
        }

        return key.Set(a, v);
    }

    private static GapAssumptions ReadHorizons(YamlNode value, string path, GapAssumptions a, string file, List<ScenarioProblem> problems)
    {
        if (value is not YamlSequenceNode list || list.Children.Count == 0)
        {
            problems.Add(new ScenarioProblem(file, checked((int)value.Start.Line), path, $"expected a list of conversation counts, e.g. [900, 1800, 3600], got {Describe(value)}"));
            return a;
        }

        var horizons = new List<int>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            if (item is YamlScalarNode { Value: { } t } && int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var h) && h is >= 10 and <= 10_000_000)
            {
                horizons.Add(h);
            }
            else
            {
                problems.Add(new ScenarioProblem(file, checked((int)item.Start.Line), $"{path}[{i}]", $"expected a whole number of conversations from 10 to 10000000, got {Describe(item)}"));
            }
        }

        return a with { SensitivityHorizons = horizons };
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "something else",
    };

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="a"/> as an assumptions file (YAML with a comment on every key) that <see cref="Parse"/> reads back to the same values.</summary>
    public static string Write(GapAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var sb = new StringBuilder();
        sb.Append("# Assumptions of `agentsim gap` (read back with --assumptions FILE). Keys left out keep their defaults.\n");
        string[] open = [];
        foreach (var key in GapAssumptionKeys.All)
        {
            var parts = key.Path.Split('.');
            var sections = parts[..^1];
            var common = 0;
            while (common < Math.Min(open.Length, sections.Length) && open[common] == sections[common])
            {
                common++;
            }

            for (var d = common; d < sections.Length; d++)
            {
                sb.Append(' ', d * 2).Append(sections[d]).Append(":\n");
            }

            open = sections;
            var indent = new string(' ', sections.Length * 2);
            sb.Append(indent).Append("# ").Append(key.Description).Append('\n');
            sb.Append(indent).Append(parts[^1]).Append(": ").Append(key.Get(a).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        sb.Append("sensitivity:\n  # horizons (conversations per enterprise) of the sensitivity table, run with --sensitivity\n  horizons: [")
            .AppendJoin(", ", a.SensitivityHorizons.Select(h => h.ToString(CultureInfo.InvariantCulture))).Append("]\n");
        return sb.ToString();
    }
}
