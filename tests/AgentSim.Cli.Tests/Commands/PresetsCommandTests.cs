using AgentSim.Scenarios;

namespace AgentSim.Cli.Tests.Commands;

public sealed class PresetsCommandTests
{
    [Fact]
    public async Task Presets_ListsEveryPresetWithItsDescription()
    {
        var result = await Cli.RunAsync("presets");

        Assert.Equal(0, result.ExitCode);
        foreach (var name in Presets.Names)
        {
            Assert.Contains(name, result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("One good omnichannel provider", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_ExitsTwo()
    {
        var result = await Cli.RunAsync();

        Assert.Equal(2, result.ExitCode);
    }
}
