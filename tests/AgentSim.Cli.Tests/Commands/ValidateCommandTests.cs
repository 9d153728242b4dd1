using AgentSim.Scenarios;

namespace AgentSim.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Validate_MalformedFile_PrintsFileLineFieldLinesAndExitsTwo()
    {
        var file = _dir.Write("broken.yaml", TestScenarios.Malformed);

        var result = await Cli.RunAsync("validate", file);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(TestScenarios.IsProblemLine(line, file), line));
        Assert.Contains($"{file}:4: channels.mix.fax: ", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{file}:5: channels.switch_probability: must be between 0 and 1, got 1.5", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{file}:11: routing.web_chat.primary: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ValidAndMissingFiles_ReportsEachAndExitsTwo()
    {
        var good = _dir.Write("good.yaml", Presets.GetText("baseline"));
        var missing = _dir.Combine("missing.yaml");

        var result = await Cli.RunAsync("validate", good, missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{good}: ok", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{missing}:0: file: file not found", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_EveryPreset_ExitsZero()
    {
        string[] files = [.. Presets.Names.Select(name => _dir.Write(name + ".yaml", Presets.GetText(name)))];

        var result = await Cli.RunAsync(["validate", .. files]);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Validate_NoFile_ExitsTwo()
    {
        var result = await Cli.RunAsync("validate");

        Assert.Equal(2, result.ExitCode);
    }
}
