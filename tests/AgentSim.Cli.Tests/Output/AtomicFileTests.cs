using AgentSim.Cli.Output;

namespace AgentSim.Cli.Tests.Output;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WriteAllText_ExistingFile_ReplacesItAndLeavesNoTemporaryFile()
    {
        var path = _dir.Write("results.json", "old");

        AtomicFile.WriteAllText(path, "new\n");

        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void WriteAllText_MissingDirectory_CreatesIt()
    {
        var path = _dir.Combine("a", "b", "summary.md");

        AtomicFile.WriteAllText(path, "x");

        Assert.Equal("x", File.ReadAllText(path));
    }
}
