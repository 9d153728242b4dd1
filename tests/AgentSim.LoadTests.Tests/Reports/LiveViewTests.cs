using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Reports;
using Spectre.Console;

namespace AgentSim.LoadTests.Tests.Reports;

public sealed class LiveViewTests
{
    [Fact]
    public void Wanted_OutputNotTheTerminal_IsFalse()
    {
        using var output = new StringWriter();

        Assert.False(LiveView.Wanted(output, noLive: false));
        Assert.Null(LiveView.Start(output, noLive: false, "run"));
    }

    [Fact]
    public void Wanted_NoLive_IsFalseEvenOnTheConsole() => Assert.False(LiveView.Wanted(Console.Out, noLive: true));

    [Fact]
    public void Render_ARow_ShowsTargetAchievedInFlightDropsErrorsAndPercentiles()
    {
        var table = LiveView.Table("noop: inject at 200/s", new TimelineRow(4, 200, 187, 180, 7, 13, 42, 1.5, 250.25, 99.5), seconds: 5, sent: 950, dropped: 20, errors: 9);
        using var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });

        console.Write(table);

        var shown = text.ToString();
        foreach (var expected in new[] { "noop: inject at 200/s", "200 / 187", "42", "13", "20", "7", "9", "1.5 / 250.3", "99.5", "190.0/s over 5 s" })
        {
            Assert.Contains(expected, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_OutputNotATerminal_PrintsOneLineASecond()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await LoadTestRunner.RunAsync(["--target", "noop", "--rate", "20", "--duration", "2s"], output, error, TestContext.Current.CancellationToken);

        Assert.True(code == 0, error.ToString());
        Assert.Contains("  s1    target     20  achieved", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  s2    target     20  achieved", output.ToString(), StringComparison.Ordinal);
    }
}
