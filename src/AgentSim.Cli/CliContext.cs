using Spectre.Console;

namespace AgentSim.Cli;

/// <summary>Where a command writes: standard output as a Spectre console, and standard error.</summary>
/// <param name="Console">Standard output.</param>
/// <param name="Error">Standard error (problems and failures).</param>
/// <param name="Interactive">True when standard output is a terminal (live progress bar).</param>
public sealed record CliContext(IAnsiConsole Console, TextWriter Error, bool Interactive)
{
    /// <summary>Wraps text writers; a non-interactive console gets no colours, no ANSI codes and a fixed width.</summary>
    public static CliContext Create(TextWriter output, TextWriter error, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 160;
        }

        return new CliContext(console, error, interactive);
    }
}
