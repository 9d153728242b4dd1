namespace AgentSim.Cli.Tests.Commands;

public class TraceCommandTests
{
    [Fact]
    public async Task Trace_FindContextLoss_ShowsTheLossAndTheRepeat()
    {
        using var dir = new TempDirectory();
        var result = await Cli.RunAsync("trace", "no-native-context", "--find", "context-loss", "--conversations", "400", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("**context lost** (continuity: none)", result.Output, StringComparison.Ordinal);
        Assert.Contains("the customer has to repeat themselves", result.Output, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(dir.Path, "transcript-*.md"));
        Assert.Contains("context lost", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(dir.Path, "transcript-*.json"));
    }

    [Fact]
    public async Task Trace_SameConversationTwice_SameTranscript()
    {
        using var dir = new TempDirectory();
        var a = await Cli.RunAsync("trace", "baseline", "--conversation", "42", "--conversations", "300", "--out", dir.Combine("a"));
        var b = await Cli.RunAsync("trace", "baseline", "--conversation", "42", "--conversations", "300", "--out", dir.Combine("b"));
        Assert.True(a.ExitCode == 0, a.All);
        Assert.Equal(File.ReadAllText(dir.Combine("a", "transcript-42.json")), File.ReadAllText(dir.Combine("b", "transcript-42.json")));
    }

    [Fact]
    public async Task Trace_ConversationBeyondTheRun_ExitsTwo()
    {
        var result = await Cli.RunAsync("trace", "baseline", "--conversation", "500", "--conversations", "100");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did not start in this run", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_UnknownFinder_ExitsTwo()
    {
        var result = await Cli.RunAsync("trace", "--find", "nonsense");
        Assert.Equal(2, result.ExitCode);
    }
}
