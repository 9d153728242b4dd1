using AgentSim.Model.Configuration;

namespace AgentSim.Scenarios;

/// <summary>The preset scenarios shipped inside this assembly (the files of the repository's <c>scenarios/</c> folder).</summary>
public static class Presets
{
    private const string Prefix = "presets/";
    private const string Extension = ".yaml";

    /// <summary>Names of the presets (file names without <c>.yaml</c>), sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. typeof(Presets).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Extension, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^Extension.Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The YAML text of a preset; throws <see cref="ScenarioLoadException"/> naming the presets when it is unknown.</summary>
    public static string GetText(string name)
    {
        using var stream = typeof(Presets).Assembly.GetManifestResourceStream(Prefix + name + Extension)
            ?? throw Unknown(name, $"no preset named '{name}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads and validates a preset; throws <see cref="ScenarioLoadException"/> when it is unknown or invalid.</summary>
    public static ScenarioConfig Load(string name) => ScenarioLoader.LoadText(GetText(name), Prefix + name + Extension);

    /// <summary>Loads an existing scenario file if <paramref name="nameOrPath"/> is one, else the preset of that name; otherwise throws naming the presets.</summary>
    public static ScenarioConfig Resolve(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            return ScenarioLoader.LoadFile(nameOrPath);
        }

        var name = nameOrPath.EndsWith(Extension, StringComparison.Ordinal) ? nameOrPath[..^Extension.Length] : nameOrPath;
        return Names.Contains(name)
            ? Load(name)
            : throw Unknown(nameOrPath, $"no such file and no preset named '{nameOrPath}'");
    }

    /// <summary>The text of an existing scenario file or of the preset of that name (for hashing and run info); throws like <see cref="Resolve"/>.</summary>
    public static string ResolveText(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            return File.ReadAllText(nameOrPath);
        }

        var name = nameOrPath.EndsWith(Extension, StringComparison.Ordinal) ? nameOrPath[..^Extension.Length] : nameOrPath;
        return Names.Contains(name)
            ? GetText(name)
            : throw Unknown(nameOrPath, $"no such file and no preset named '{nameOrPath}'");
    }

    private static ScenarioLoadException Unknown(string nameOrPath, string what) =>
        new([new ScenarioProblem(nameOrPath, 0, "scenario", $"{what}; presets: {string.Join(", ", Names)}")]);
}
