namespace AgentSim.Cli.Tests;

/// <summary>A temporary directory, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates an empty temporary directory.</summary>
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("agentsim-cli-").FullName;
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file (LF line endings) and returns its full path.</summary>
    public string Write(string fileName, string text)
    {
        var path = Combine(fileName);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>Deletes the directory.</summary>
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
