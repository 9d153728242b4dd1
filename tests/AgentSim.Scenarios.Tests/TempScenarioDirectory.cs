namespace AgentSim.Scenarios.Tests;

/// <summary>A temporary directory of scenario files, deleted on dispose.</summary>
public sealed class TempScenarioDirectory : IDisposable
{
    /// <summary>Creates an empty temporary directory.</summary>
    public TempScenarioDirectory()
    {
        Path = Directory.CreateTempSubdirectory("agentsim-scenarios-").FullName;
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>Writes a file (LF line endings) and returns its full path.</summary>
    public string Write(string fileName, string yaml)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>Deletes the directory.</summary>
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
