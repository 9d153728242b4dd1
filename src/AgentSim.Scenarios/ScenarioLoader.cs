using System.Security.Cryptography;
using System.Text;
using AgentSim.Model.Configuration;
using AgentSim.Scenarios.Reading;

namespace AgentSim.Scenarios;

/// <summary>Loads and validates scenario YAML files into <see cref="ScenarioConfig"/>, reporting every problem with its line.</summary>
public static class ScenarioLoader
{
    /// <summary>Loads a scenario file; throws <see cref="ScenarioLoadException"/> with all problems when it is missing or invalid.</summary>
    public static ScenarioConfig LoadFile(string path)
    {
        var text = ReadFile(path, out var problem);
        if (problem is not null)
        {
            throw new ScenarioLoadException([problem]);
        }

        return LoadText(text, path);
    }

    /// <summary>Reads a scenario file's text; throws <see cref="ScenarioLoadException"/> when it is missing, a directory or unreadable.</summary>
    public static string ReadText(string path)
    {
        var text = ReadFile(path, out var problem);
        return problem is not null ? throw new ScenarioLoadException([problem]) : text;
    }

    /// <summary>Loads scenario YAML text; <paramref name="fileName"/> is used in problem reports. Throws <see cref="ScenarioLoadException"/> when invalid.</summary>
    public static ScenarioConfig LoadText(string yaml, string fileName)
    {
        var (config, problems) = Parse(yaml, fileName);
        return problems.Count > 0 ? throw new ScenarioLoadException(problems) : config;
    }

    /// <summary>Validates a scenario file and returns its problems; empty when it is fine. A missing file is one problem at line 0.</summary>
    public static IReadOnlyList<ScenarioProblem> Validate(string path)
    {
        var text = ReadFile(path, out var problem);
        return problem is not null ? [problem] : ValidateText(text, path);
    }

    /// <summary>Validates scenario YAML text and returns its problems; empty when it is fine.</summary>
    public static IReadOnlyList<ScenarioProblem> ValidateText(string yaml, string fileName) => Parse(yaml, fileName).Problems;

    /// <summary>Lower-case hex SHA-256 of the scenario text (UTF-8), recorded in run info.</summary>
    public static string ScenarioHash(string yamlText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yamlText)));

    private static (ScenarioConfig Config, IReadOnlyList<ScenarioProblem> Problems) Parse(string yaml, string fileName)
    {
        var context = new ReadContext(fileName);
        var config = ScenarioReader.Read(context, yaml);
        return (config, context.SortedProblems());
    }

    private static string ReadFile(string path, out ScenarioProblem? problem)
    {
        problem = null;
        if (Directory.Exists(path))
        {
            problem = new ScenarioProblem(path, 0, "file", "is a directory, not a scenario file");
            return "";
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = new ScenarioProblem(path, 0, "file", "file not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = new ScenarioProblem(path, 0, "file", $"cannot read the file: {ex.Message}");
        }

        return "";
    }
}
