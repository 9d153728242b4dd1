using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>State of one load: the file name, the problems found so far and the line of every field path read.</summary>
internal sealed class ReadContext(string file)
{
    private readonly List<ScenarioProblem> _problems = [];
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
    private readonly Dictionary<object, string> _paths = new(ReferenceEqualityComparer.Instance);

    /// <summary>The file name used in problems.</summary>
    public string File { get; } = file;

    /// <summary>The 1-based line a node starts on.</summary>
    public static int LineOf(YamlNode node) => checked((int)node.Start.Line);

    /// <summary>Records a problem at a line.</summary>
    public void Report(int line, string field, string message) => _problems.Add(new ScenarioProblem(File, line, field, message));

    /// <summary>Records a problem at a node's line.</summary>
    public void Report(YamlNode node, string field, string message) => Report(LineOf(node), field, message);

    /// <summary>Records a problem at the line a field path was read from (or its nearest parent).</summary>
    public void Report(string field, string message) => Report(LineOf(field), field, message);

    /// <summary>Remembers the line a field path was read from.</summary>
    public void Remember(string path, YamlNode node) => _lines[path] = LineOf(node);

    /// <summary>True when a value was read at this field path.</summary>
    public bool Has(string path) => _lines.ContainsKey(path);

    /// <summary>True when a problem was already reported at this field path or below it.</summary>
    public bool HasProblemsUnder(string path) => _problems.Exists(p =>
        p.Field == path || (p.Field.StartsWith(path, StringComparison.Ordinal) && p.Field[path.Length] is '.' or '['));

    /// <summary>Remembers the field path a config object (a list item) was read from.</summary>
    public void Remember(object item, string path) => _paths[item] = path;

    /// <summary>The field path a config object was read from.</summary>
    public string PathOf(object item) => _paths.TryGetValue(item, out var path) ? path : "";

    /// <summary>The line of a field path, falling back to its nearest remembered parent, then line 1.</summary>
    public int LineOf(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            current = current[..Math.Max(0, Math.Max(current.LastIndexOf('.'), current.LastIndexOf('[')))];
        }

        return 1;
    }

    /// <summary>The problems in file order (stable for problems on the same line).</summary>
    public IReadOnlyList<ScenarioProblem> SortedProblems() => [.. _problems.OrderBy(p => p.Line)];
}
